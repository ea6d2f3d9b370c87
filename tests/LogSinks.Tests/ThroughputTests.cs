using System.Diagnostics;
using Platform.LogSinks.Tests.Support;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests;

public sealed class ThroughputTests(ITestOutputHelper output)
{
    // These tests are about every line arriving; bench/logging.py measures the throughput (issue 5's 50 MB/s target).
    [Fact]
    public void PumpMovesTwentyMegabytesOfHundredByteLinesIntoTheFileSink()
    {
        using var root = new TempRoot();
        var input = root.Write("/big.log", "");
        var lines = BigLog.Write(input, 20);
        using var file = Sinks.File(root.Path, null, ("MaxFileSize", "64M"), ("MaxFiles", "4"));
        var rssBefore = Helper.RssKiB(Environment.ProcessId);
        using var pump = new PumpHarness(root, collect: false, file);
        var watch = Stopwatch.StartNew();
        var pid = pump.Spawn("big.service", "cat", input);
        Helper.WaitUntil(() => pump.Pump.Records >= lines, seconds: 120, what: "all lines");
        watch.Stop();
        pump.Wait(pid);
        var bytes = (long)lines * BigLog.LineBytes;
        output.WriteLine(
            $"service -> pump -> file sink: {BigLog.Figure(bytes, watch.Elapsed)}; test process RSS "
            + $"+{Helper.RssKiB(Environment.ProcessId) - rssBefore} KiB");
        pump.Stop();
        using var reader = Sinks.Reader(root.Path);
        var count = 0;
        string? last = null;
        foreach (var r in reader.Read(new Abstractions.LogQuery { Units = ["big.service"] }))
        {
            count++;
            last = r.MessageText;
        }
        Assert.Equal(lines, count);
        Assert.StartsWith($"line {lines - 1:D8} ", last);
    }

    [Fact]
    public async Task PumpMovesTwentyMegabytesOfHundredByteLinesThroughTheFifoSink()
    {
        using var root = new TempRoot();
        var input = root.Write("/big.log", "");
        var lines = BigLog.Write(input, 20);
        using var fifo = Sinks.Fifo(root.Path, "/run/bench.fifo", spoolBytes: 64 << 20);
        using var pump = new PumpHarness(root, collect: false, fifo);
        var received = 0L;
        var jsonBytes = 0L;
        var reading = Task.Factory.StartNew(() =>
        {
            using var stream = new FileStream(root.Combine("/run/bench.fifo"), FileMode.Open, FileAccess.Read,
                FileShare.ReadWrite, 1);
            var buffer = new byte[1 << 20];
            while (Interlocked.Read(ref received) < lines)
            {
                var n = stream.Read(buffer);
                if (n == 0) break;
                jsonBytes += n;
                Interlocked.Add(ref received, buffer.AsSpan(0, n).Count((byte)'\n'));
            }
        }, TaskCreationOptions.LongRunning);
        var watch = Stopwatch.StartNew();
        var pid = pump.Spawn("big.service", "cat", input);
        Helper.WaitUntil(() => Interlocked.Read(ref received) >= lines, seconds: 120,
            what: "all JSON lines from the FIFO");
        watch.Stop();
        pump.Wait(pid);
        await reading.WaitAsync(TimeSpan.FromSeconds(5));
        var bytes = (long)lines * BigLog.LineBytes;
        output.WriteLine(
            $"service -> pump -> fifo sink -> reader: {BigLog.Figure(bytes, watch.Elapsed)} of input, "
            + $"{jsonBytes / 1e6:F1} MB of JSON");
        Assert.Equal(lines, received);
        Assert.Equal(0, fifo.DroppedLines);
    }
}
