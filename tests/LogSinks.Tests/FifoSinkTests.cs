using System.Text.Json;
using Platform.Abstractions;
using Platform.Journal;
using Platform.LogSinks.Fifo;
using Platform.LogSinks.FileJournal;
using Platform.LogSinks.Tests.Support;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests;

public sealed class FifoSinkTests
{
    [Fact]
    public void AReaderStartedLateGetsEverySpooledLineInOrder()
    {
        using var root = new TempRoot();
        using var sink = Sinks.Fifo(root.Path, "/run/splunk.fifo");
        for (var i = 0; i < 1000; i++)
        {
            sink.Write(Records.Make("web.service", $"message {i}"));
            if (i % 50 == 0) sink.Flush();
        }
        // Flush spools synchronously: every line waits in the spool before the reader opens the FIFO.
        sink.Flush();
        using var reader = new FifoReader(root.Combine("/run/splunk.fifo"));
        var lines = reader.ReadLines(1000);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"message {i}"), lines.Select(Message));
        Assert.Equal(0, sink.DroppedLines);
    }

    [Fact]
    public void PastTheSpoolBoundTheOldestLinesAreDroppedCountedAndAnnounced()
    {
        using var root = new TempRoot();
        using var sink = Sinks.Fifo(root.Path, "/run/small.fifo", spoolBytes: 64 * 1024);
        for (var i = 0; i < 5000; i++)
        {
            sink.Write(Records.Make("web.service", $"message {i}"));
            if (i % 10 == 0) sink.Flush();
        }
        sink.Flush();
        var dropped = sink.DroppedLines;
        Assert.True(dropped > 3000, $"only {dropped} dropped");
        using var reader = new FifoReader(root.Combine("/run/small.fifo"));
        var lines = reader.ReadUntil(l => l.Count > 0 && Message(l[^1]) == "message 4999");
        using var notice = JsonDocument.Parse(lines[0]);
        Assert.Equal(
            $"Dropped {dropped} log records while {root.Combine("/run/small.fifo")} had no reader or was full "
            + $"(SpoolBytes=65536)",
            notice.RootElement.GetProperty("MESSAGE").GetString());
        Assert.Equal("4", notice.RootElement.GetProperty("PRIORITY").GetString());
        var kept = lines.Skip(1).Select(l => int.Parse(Message(l)[8..])).ToList();
        Assert.Equal(Enumerable.Range(5000 - kept.Count, kept.Count), kept);
        Assert.Equal(5000, dropped + kept.Count);
    }

    [Fact]
    public void AReaderLeavingAndAnotherComingBackLosesNoLineWrittenMeanwhile()
    {
        using var root = new TempRoot();
        using var sink = Sinks.Fifo(root.Path, "/run/relay.fifo");
        using (var first = new FifoReader(root.Combine("/run/relay.fifo")))
        {
            for (var i = 0; i < 100; i++) sink.Write(Records.Make("web.service", $"message {i}"));
            sink.Flush();
            Assert.Equal(Enumerable.Range(0, 100).Select(i => $"message {i}"), first.ReadLines(100).Select(Message));
        }
        for (var i = 100; i < 300; i++)
        {
            sink.Write(Records.Make("web.service", $"message {i} " + new string('p', 200)));
            if (i % 7 == 0) sink.Flush();
        }
        sink.Flush();
        using var second = new FifoReader(root.Combine("/run/relay.fifo"));
        var lines = second.ReadLines(200);
        Assert.Equal(Enumerable.Range(100, 200).Select(i => $"message {i} " + new string('p', 200)),
            lines.Select(Message));
    }

    [Fact]
    public void JsonLinesUseJournaldFieldNamesAndByteArraysForBinaryMessages()
    {
        using var root = new TempRoot();
        using var sink = Sinks.Fifo(root.Path, "/run/json.fifo");
        using var reader = new FifoReader(root.Combine("/run/json.fifo"));
        sink.Write(new LogRecord
        {
            Unit = "web.service", Identifier = "web", Pid = 321, Priority = 3, RealtimeUsec = 1700000000123456,
            MonotonicUsec = 98765, Stream = "stderr", Message = [0x68, 0x69, 0xff, 0x0a, 0x22],
            Fields = new Dictionary<string, string> { ["_SYSTEMD_INVOCATION_ID"] = "abc", ["_UID"] = "0" },
        });
        sink.Write(Records.Make("web.service", "quote \" backslash \\ tab \t done"));
        sink.Flush();
        var lines = reader.ReadLines(2);
        using var first = JsonDocument.Parse(lines[0]);
        var e = first.RootElement;
        Assert.Equal([0x68, 0x69, 0xff, 0x0a, 0x22], e.GetProperty("MESSAGE").EnumerateArray()
            .Select(x => x.GetInt32()));
        Assert.Equal("3", e.GetProperty("PRIORITY").GetString());
        Assert.Equal("web.service", e.GetProperty("_SYSTEMD_UNIT").GetString());
        Assert.Equal("321", e.GetProperty("_PID").GetString());
        Assert.Equal("web", e.GetProperty("SYSLOG_IDENTIFIER").GetString());
        Assert.Equal("1700000000123456", e.GetProperty("__REALTIME_TIMESTAMP").GetString());
        Assert.Equal("98765", e.GetProperty("__MONOTONIC_TIMESTAMP").GetString());
        Assert.Equal(Environment.MachineName, e.GetProperty("_HOSTNAME").GetString());
        Assert.Equal("stdout", e.GetProperty("_TRANSPORT").GetString());
        Assert.Equal("abc", e.GetProperty("_SYSTEMD_INVOCATION_ID").GetString());
        Assert.Matches("^[0-9a-f]{32}$", e.GetProperty("_BOOT_ID").GetString());
        Assert.All(e.EnumerateObject().Where(p => p.Name != "MESSAGE"),
            p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.Equal("quote \" backslash \\ tab \t done", Message(lines[1]));
    }

    [Fact]
    public void ABadFifoPathIsReportedOnceAndTheOtherSinksStillWrite()
    {
        using var root = new TempRoot();
        root.Write("/etc/not-a-folder", "x");
        root.Write("/var/plain-file", "x");
        var warnings = new List<string>();
        var opened = LogSinkOpener.OpenAll(
            [new("fifo", new FifoLogSink()), new("fifo2", new FifoLogSink()), new("file", new FileLogSink())],
                root.Path,
            name => name switch
            {
                "fifo" => new Dictionary<string, string> { ["Path"] = "/etc/not-a-folder/log.fifo" },
                "fifo2" => new Dictionary<string, string> { ["Path"] = "/var/plain-file" },
                _ => new Dictionary<string, string>(),
            }, warnings.Add);
        Assert.IsType<FileLogSink>(Assert.Single(opened));
        Assert.Equal(2, warnings.Count);
        Assert.Contains("/etc/not-a-folder/log.fifo", warnings[0]);
        Assert.Contains("is not a FIFO", warnings[1]);
        using (var pump = new PumpHarness(root, collect: false, [.. opened]))
        {
            pump.Wait(pump.Spawn("x.service", "echo", "still logged"));
            using var reader = Sinks.Reader(root.Path);
            Helper.WaitUntil(() => reader.Read(new LogQuery()).Any(r => r.MessageText == "still logged"),
                what: "the file sink to get the line");
        }
        foreach (var sink in opened) sink.Dispose();
    }

    private static string Message(string jsonLine)
    {
        using var doc = JsonDocument.Parse(jsonLine);
        return doc.RootElement.GetProperty("MESSAGE").GetString()!;
    }
}
