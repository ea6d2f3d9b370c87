using Platform.Abstractions;
using Platform.Journal;
using Platform.LogSinks.FileJournal;
using Platform.LogSinks.Tests.Support;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests;

public sealed class FileSinkTests
{
    [Fact]
    public void RotatesBySizeKeepsMaxFilesAndReadsAcrossRotationsInOrder()
    {
        using var root = new TempRoot();
        using (var sink = Sinks.File(root.Path, null, ("MaxFileSize", "64K"), ("MaxFiles", "4")))
            for (var i = 0; i < 5000; i++)
            {
                sink.Write(Records.Make("web.service", $"line {i:D5} " + new string('x', 60)));
                if (i % 37 == 0) sink.Flush();
            }
        var files = Directory.GetFiles(root.Combine("/var/log/journal")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["web.service.journal", "web.service.journal.1", "web.service.journal.2", "web.service.journal.3"],
            files);
        Assert.All(files, f =>
            Assert.InRange(new FileInfo(root.Combine("/var/log/journal/" + f)).Length, 1, 64 * 1024));
        using var reader = Sinks.Reader(root.Path);
        var numbers = reader.Read(new LogQuery { Units = ["web.service"] }).Select(r => int.Parse(r.MessageText[5..10]))
            .ToList();
        Assert.Equal(4999, numbers[^1]);
        Assert.Equal(Enumerable.Range(numbers[0], numbers.Count), numbers);
        Assert.True(numbers.Count > 1000, $"only {numbers.Count} records kept in four 64K files");
    }

    [Fact]
    public void ReaderStopsBeforeATornTailAndTheWriterCutsItOffWhenReopened()
    {
        using var root = new TempRoot();
        using (var sink = Sinks.File(root.Path))
        {
            sink.Write(Records.Make("db.service", "one"));
            sink.Write(Records.Make("db.service", "two"));
        }
        var path = root.Combine("/var/log/journal/db.service.journal");
        var intact = new FileInfo(path).Length;
        // A crash in the middle of an append: a length prefix and half a body.
        File.AppendAllText(path, "\u0050\u0000\u0000\u0000partial record");
        using (var reader = Sinks.Reader(root.Path))
            Assert.Equal(["one", "two"], reader.Read(new LogQuery()).Select(r => r.MessageText));
        using (var sink = Sinks.File(root.Path))
            sink.Write(Records.Make("db.service", "three"));
        using (var reader = Sinks.Reader(root.Path))
            Assert.Equal(["one", "two", "three"], reader.Read(new LogQuery()).Select(r => r.MessageText));
        Assert.True(new FileInfo(path).Length > intact);
    }

    [Fact]
    public void ReadFiltersByUnitTimeAndPriorityAndMergesUnitsByTime()
    {
        using var root = new TempRoot();
        using (var sink = Sinks.File(root.Path))
        {
            sink.Write(Records.Make("a.service", "a1", 6, realtime: 1000));
            sink.Write(Records.Make("b.service", "b1", 3, realtime: 1500));
            sink.Write(Records.Make("a.service", "a2", 3, realtime: 2000));
            sink.Write(Records.Make("b.service", "b2", 6, realtime: 2500));
            sink.Write(Records.Make("a.service", "a3", 7, realtime: 3000));
        }
        using var reader = Sinks.Reader(root.Path);
        Assert.Equal(["a1", "b1", "a2", "b2", "a3"], reader.Read(new LogQuery()).Select(r => r.MessageText));
        Assert.Equal(["a1", "a2", "a3"], reader.Read(new LogQuery { Units = ["a.service"] })
            .Select(r => r.MessageText));
        Assert.Equal(["b1", "a2", "b2"], reader.Read(new LogQuery { SinceUsec = 1500, UntilUsec = 2500 })
            .Select(r => r.MessageText));
        Assert.Equal(["b1", "a2"], reader.Read(new LogQuery { MaxPriority = 3 }).Select(r => r.MessageText));
        var first = reader.Read(new LogQuery()).First();
        Assert.Equal((100, "a", 1000L, Environment.MachineName),
            (first.Pid, first.Identifier, first.RealtimeUsec, first.Hostname));
        Assert.Matches("^[0-9a-f]{32}$", first.Fields!["_BOOT_ID"]);
    }

    [Fact]
    public void BinaryMessagesAndExtraFieldsSurviveTheFile()
    {
        using var root = new TempRoot();
        byte[] message = [0, 1, 2, 0xff, 0x0a, 0x41];
        using (var sink = Sinks.File(root.Path))
            sink.Write(new LogRecord
            {
                Unit = "bin.service", RealtimeUsec = 5, Message = message, Stream = "stderr",
                Fields = new Dictionary<string, string> { ["_SYSTEMD_INVOCATION_ID"] =
                    "0123456789abcdef0123456789abcdef" },
            });
        using var reader = Sinks.Reader(root.Path);
        var record = Assert.Single(reader.Read(new LogQuery()));
        Assert.Equal(message, record.Message);
        Assert.Equal("stderr", record.Stream);
        Assert.Equal("0123456789abcdef0123456789abcdef", record.Fields!["_SYSTEMD_INVOCATION_ID"]);
    }

    [Fact]
    public void FollowingWithReadAfterSeesEveryLineOfALiveServiceAcrossRotations()
    {
        using var root = new TempRoot();
        using var file = Sinks.File(root.Path, null, ("MaxFileSize", "32K"), ("MaxFiles", "50"));
        using var pump = new PumpHarness(root, collect: false, file);
        using var reader = Sinks.Reader(root.Path);
        var query = new LogQuery { Units = ["live.service"] };
        var position = reader.Tail(query);
        var pid = pump.Spawn("live.service", "sh", "-c",
            "for i in $(seq 1 3000); do echo \"tick $i\"; [ $((i % 500)) = 0 ] && sleep 0.1; done");
        var seen = new List<string>();
        Helper.WaitUntil(() =>
        {
            seen.AddRange(reader.ReadAfter(query, ref position).Select(r => r.MessageText));
            return seen.Count >= 3000;
        }, () => $"3000 followed lines; saw {seen.Count}, last {seen.LastOrDefault()}, a full read has "
            + $"{reader.Read(query).Count()}, files: "
                + $"{string.Join(' ', Directory.GetFiles(root.Combine("/var/log/journal")).Select(Path.GetFileName))}");
        pump.Wait(pid);
        Assert.Equal(Enumerable.Range(1, 3000).Select(i => $"tick {i}"), seen);
        Assert.True(Directory.GetFiles(root.Combine("/var/log/journal")).Length > 3, "the test should rotate");
        Assert.Empty(reader.ReadAfter(query, ref position));
    }

    [Fact]
    public void AnUnwritableFolderIsReportedOnceAndTheOtherSinksStillWrite()
    {
        using var root = new TempRoot();
        root.Write("/var/log/journal", "a file where the folder should be");
        var warnings = new List<string>();
        var collecting = new CollectingSink();
        var opened = LogSinkOpener.OpenAll([new("file", new FileLogSink()), new("collect", collecting)], root.Path,
            _ => new Dictionary<string, string>(), warnings.Add);
        Assert.Same(collecting, Assert.Single(opened));
        Assert.Contains("cannot write to", Assert.Single(warnings));
        using var pump = new PumpHarness(root, collect: false, [.. opened]);
        pump.Wait(pump.Spawn("x.service", "echo", "through"));
        collecting.WaitFor(r => r.Any(x => x.MessageText == "through"));
    }
}
