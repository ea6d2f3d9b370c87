using System.Text;
using Platform.LogSinks.Tests.Support;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests;

public sealed class PumpTests
{
    [Fact]
    public void StdoutAndStderrLinesAllArriveWithTheirPrioritiesAndLevelPrefixes()
    {
        using var root = new TempRoot();
        using var pump = new PumpHarness(root);
        var pid = pump.Spawn("web.service", "sh", "-c",
            "for i in $(seq 1 200); do echo \"out $i\"; echo \"err $i\" >&2; done; echo '<4>warned'; echo '<8>kept'; "
                + "echo '<07>debug'; sleep 30");
        // The service stays alive until its lines are in, so its /proc entry (_COMM) can be read.
        var records = pump.Collected.WaitFor(r => r.Count >= 403);
        var outs = records.Where(r => r.MessageText.StartsWith("out ")).ToList();
        var errs = records.Where(r => r.MessageText.StartsWith("err ")).ToList();
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"out {i}"), outs.Select(r => r.MessageText));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"err {i}"), errs.Select(r => r.MessageText));
        Assert.All(outs, r => Assert.Equal((6, "stdout"), (r.Priority, r.Stream)));
        Assert.All(errs, r => Assert.Equal((3, "stderr"), (r.Priority, r.Stream)));
        Assert.Equal(4, records.Single(r => r.MessageText == "warned").Priority);
        Assert.Equal(6, records.Single(r => r.MessageText == "<8>kept").Priority);
        Assert.Equal(7, records.Single(r => r.MessageText == "debug").Priority);
        Assert.All(records, r =>
        {
            Assert.Equal("web.service", r.Unit);
            Assert.Equal("sh", r.Identifier);
            Assert.Equal(pid, r.Pid);
            Assert.Equal("sh", r.Fields!["_COMM"]);
            Assert.True(r.RealtimeUsec > 0 && r.MonotonicUsec > 0);
        });
    }

    [Fact]
    public void LinesWrittenAfterTheSpawningProcessExitedStillArrive()
    {
        using var root = new TempRoot();
        using var pump = new PumpHarness(root);
        var spawner = Helper.Run("__spawn", root.Path, "late.service", "--", "sh", "-c",
            "echo early; sleep 1; echo late");
        Assert.Equal(0, spawner.ExitCode);
        var spawnerGone = JournalClockNow();
        var servicePid = int.Parse(spawner.Stdout.Trim());
        var records = pump.Collected.WaitFor(r => r.Any(x => x.MessageText == "late"));
        var late = records.Single(r => r.MessageText == "late");
        Assert.True(late.RealtimeUsec > spawnerGone, "the late line was logged before the spawner exited");
        Assert.Equal(servicePid, late.Pid);
        Assert.Equal(["early", "late"], records.Select(r => r.MessageText));
        Helper.WaitUntil(() => !ServiceSpawner.Alive(servicePid), what: "the service to exit");
    }

    [Fact]
    public void EachLineCarriesThePidOfTheProcessThatWroteIt()
    {
        using var root = new TempRoot();
        using var pump = new PumpHarness(root);
        var pid = pump.Spawn("pids.service", "sh", "-c",
            "echo parent; /bin/echo external; echo parent again; sleep 30");
        var records = pump.Collected.WaitFor(r => r.Count >= 3);
        Assert.Equal(pid, records.Single(r => r.MessageText == "parent").Pid);
        Assert.Equal(pid, records.Single(r => r.MessageText == "parent again").Pid);
        var external = records.Single(r => r.MessageText == "external");
        Assert.NotEqual(pid, external.Pid);
        Assert.True(external.Pid > 0);
        Assert.Equal("sh", records[0].Fields!["_COMM"]);
    }

    [Fact]
    public void AHundredKibLineIsCutIntoPiecesOfJournaldsLineMax()
    {
        using var root = new TempRoot();
        using var pump = new PumpHarness(root);
        var pid = pump.Spawn("long.service", "python3", "-c",
            "import sys; o=sys.stdout.buffer; o.write(b'A'*102400+b'\\n'); o.write(b'tail without newline'); "
                + "o.flush()");
        pump.Wait(pid);
        var records = pump.Collected.WaitFor(r => r.Count >= 4);
        Assert.Equal([49152, 49152, 4096, 20], records.Select(r => r.Message.Length));
        Assert.Equal(["line-max", "line-max", null, "eof"], records.Select(r =>
            r.Fields!.GetValueOrDefault("_LINE_BREAK")));
        Assert.All(records.Take(3), r => Assert.True(r.Message.All(b => b == (byte)'A')));
    }

    [Fact]
    public void WhitespaceEmptyLinesAndNulAreTreatedLikeJournald()
    {
        using var root = new TempRoot();
        using var pump = new PumpHarness(root);
        var pid = pump.Spawn("ws.service", "printf", "a  \\n   \\n\\nx\\t\\r\\n<3>  \\n<5> y\\nnul1\\000nul2\\nend\\n");
        pump.Wait(pid);
        var records = pump.Collected.WaitFor(r => r.Any(x => x.MessageText == "end"));
        Assert.Equal(["a", "   ", "x", " y", "nul1", "nul2", "end"], records.Select(r => r.MessageText));
        Assert.Equal(5, records[3].Priority);
        Assert.Equal("nul", records[4].Fields!["_LINE_BREAK"]);
    }

    [Fact]
    public void BinaryOutputIsKeptByteExact()
    {
        using var root = new TempRoot();
        using var pump = new PumpHarness(root);
        var pid = pump.Spawn("bin.service", "printf", "\\377\\376 bin \\001\\033[1m\\nok\\n");
        pump.Wait(pid);
        var records = pump.Collected.WaitFor(r => r.Count >= 2);
        Assert.Equal(new byte[] { 0xff, 0xfe, 0x20, 0x62, 0x69, 0x6e, 0x20, 0x01, 0x1b, 0x5b, 0x31, 0x6d },
            records[0].Message);
    }

    [Fact]
    public void ManyServicesWritingAtOnceLoseNoLine()
    {
        using var root = new TempRoot();
        using var pump = new PumpHarness(root);
        var pids = Enumerable.Range(0, 60).Select(i =>
            pump.Spawn($"many{i}.service", "sh", "-c", "for i in $(seq 1 300); do echo \"line $i\"; done")).ToList();
        foreach (var pid in pids) pump.Wait(pid);
        var records = pump.Collected.WaitFor(r => r.Count >= 60 * 300);
        Assert.Equal(60 * 300, records.Count);
        foreach (var unit in records.GroupBy(r => r.Unit))
            Assert.Equal(Enumerable.Range(1, 300).Select(i => $"line {i}"), unit.Select(r => r.MessageText));
        Helper.WaitUntil(() => pump.Pump.ActiveStreams == 0, what: "all streams to close");
        Assert.Equal(120, pump.Pump.AcceptedStreams);
    }

    [Fact]
    public void ABrokenHeaderClosesOnlyThatStream()
    {
        using var root = new TempRoot();
        using var pump = new PumpHarness(root);
        using (var raw = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix,
            System.Net.Sockets.SocketType.Stream, 0))
        {
            raw.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(
                Platform.Journal.JournalPaths.Socket(root.Path)));
            raw.Send(Encoding.ASCII.GetBytes("GET / HTTP/1.0\n\nhello\n"));
        }
        var pid = pump.Spawn("fine.service", "echo", "still fine");
        pump.Wait(pid);
        var records = pump.Collected.WaitFor(r => r.Count >= 1);
        Assert.Equal("still fine", Assert.Single(records).MessageText);
    }

    private static long JournalClockNow() => Platform.Journal.JournalClock.RealtimeUsec();
}
