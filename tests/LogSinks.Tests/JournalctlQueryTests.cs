using System.Globalization;
using Platform.Abstractions;
using Platform.Journal;
using Platform.LogSinks.Tests.Support;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests;

public sealed class JournalctlQueryTests
{
    private const long Time = 1709622489123456; // 2024-03-05 07:08:09.123456 UTC

    [Fact]
    public void UnitOptionAddsTheServiceSuffixAcceptsGlobsAndRepeats()
    {
        using var root = new TempRoot();
        TestJournal.Write(root, Records.Make("web.service", "w"), Records.Make("worker.service", "k"),
            Records.Make("db.service", "d"), Records.Make("web.socket", "s"));
        Assert.Equal("w\n", TestJournal.Run(root, "-u", "web", "-o", "cat").Stdout);
        Assert.Equal("w\nk\n", TestJournal.Run(root, "--unit=w*", "-o", "cat").Stdout);
        Assert.Equal("w\nd\ns\n", TestJournal.Run(root, "-u", "web", "-u", "db.service", "-uweb.socket", "-o", "cat")
            .Stdout);
        Assert.Equal("k\n", TestJournal.Run(root, "_SYSTEMD_UNIT=worker.service", "-o", "cat").Stdout);
        Assert.Equal("d\n", TestJournal.Run(root, "-t", "db", "-o", "cat").Stdout);
    }

    [Fact]
    public void LinesReverseAndPriorityChooseEntries()
    {
        using var root = new TempRoot();
        TestJournal.Write(root, Enumerable.Range(0, 8).Select(p => Records.Make("p.service", $"prio {p}", priority: p))
            .ToArray());
        Assert.Equal("prio 5\nprio 6\nprio 7\n", TestJournal.Run(root, "-n", "3", "-o", "cat").Stdout);
        Assert.Equal("prio 7\nprio 6\n", TestJournal.Run(root, "-r", "--lines=2", "-o", "cat").Stdout);
        Assert.Equal("prio 0\nprio 1\nprio 2\nprio 3\n", TestJournal.Run(root, "-p", "err", "-o", "cat").Stdout);
        Assert.Equal("prio 4\nprio 5\n", TestJournal.Run(root, "-p", "warning..5", "-o", "cat").Stdout);
        Assert.Equal("prio 7\n", TestJournal.Run(root, "-n1", "-q", "-o", "cat").Stdout);
        Assert.Equal(8, TestJournal.Run(root, "-n", "-o", "cat")
            .Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void SinceAndUntilTakeDatesAndRelativeTimes()
    {
        using var root = new TempRoot();
        var now = JournalClock.RealtimeUsec();
        TestJournal.Write(root, Records.Make("t.service", "old", realtime: Time),
            Records.Make("t.service", "hour ago", realtime: now - 3_600_000_000),
            Records.Make("t.service", "recent", realtime: now - 60_000_000));
        var day = TestJournal.Local(Time);
        Assert.Equal("old\n", TestJournal.Run(root, "--since", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "--until", day.AddDays(1).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), "-o", "cat").Stdout);
        Assert.Equal("recent\n", TestJournal.Run(root, "--since=-5min", "-o", "cat").Stdout);
        Assert.Equal("hour ago\nrecent\n", TestJournal.Run(root, "-S", "2 hours ago", "-U", "now", "-o", "cat").Stdout);
        Assert.Equal("old\n", TestJournal.Run(root, "--until", "yesterday", "-o", "cat").Stdout);
    }

    [Fact]
    public void EmptyResultsAndBadArgumentsAnswerLikeJournalctl()
    {
        using var root = new TempRoot();
        TestJournal.Write(root, Records.Make("a.service", "x"));
        Assert.Equal(new CommandResult(0, "-- No entries --\n", ""),
            TestJournal.Run(root, "-u", "nothing", "--no-pager"));
        Assert.Equal(new CommandResult(0, "", ""), TestJournal.Run(root, "-u", "nothing", "-q"));
        Assert.Equal(new CommandResult(1, "", "Unknown output format 'bogus'.\n"),
            TestJournal.Run(root, "-o", "bogus"));
        Assert.Equal(new CommandResult(1, "", "Failed to parse timestamp: garbage\n"),
            TestJournal.Run(root, "--since=garbage"));
        Assert.Equal(new CommandResult(1, "", "Unknown log level bogus\n"), TestJournal.Run(root, "-p", "bogus"));
        Assert.Equal(new CommandResult(1, "", "Failed to parse log level range err..bogus\n"),
            TestJournal.Run(root, "-p", "err..bogus"));
        Assert.Equal(new CommandResult(1, "", "journalctl: unrecognized option '--bogus'\n"),
            TestJournal.Run(root, "--bogus"));
        Assert.Equal(new CommandResult(1, "", "Failed to add match 'abc': Invalid argument\n"),
            TestJournal.Run(root, "-n", "abc"));
        Assert.Equal(0, TestJournal.Run(root, "-b", "--no-pager", "-x", "--root", root.Path, "-a").ExitCode);
    }

    [Fact]
    public async Task FollowPrintsTheNewestLinesThenEveryNewOne()
    {
        using var root = new TempRoot();
        using var file = Sinks.File(root.Path);
        using var pump = new PumpHarness(root, collect: false, file);
        pump.Wait(pump.Spawn("f.service", "sh", "-c", "for i in $(seq 1 20); do echo \"old $i\"; done"));
        using var reader = Sinks.Reader(root.Path);
        Helper.WaitUntil(() => reader.Read(new LogQuery()).Count() == 20, what: "the first lines");
        var text = new StringWriter { NewLine = "\n" };
        var output = TextWriter.Synchronized(text);
        string Printed()
        {
            lock (output) return text.ToString();
        }
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() =>
            JournalctlCommand.Run(["-f", "-u", "f", "-o", "cat"], reader, output, TextWriter.Null, stop.Token));
        Helper.WaitUntil(() => Printed().Contains("old 20"), what: "the newest lines");
        var pid = pump.Spawn("f.service", "sh", "-c", "for i in $(seq 1 50); do echo \"new $i\"; sleep 0.01; done");
        Helper.WaitUntil(() => Printed().Contains("new 50\n"), what: "followed lines");
        stop.Cancel();
        Assert.Equal(0, await run);
        pump.Wait(pid);
        var expected = Enumerable.Range(11, 10).Select(i => $"old {i}")
            .Concat(Enumerable.Range(1, 50).Select(i => $"new {i}"));
        Assert.Equal(string.Join("\n", expected) + "\n", Printed());
    }
}
