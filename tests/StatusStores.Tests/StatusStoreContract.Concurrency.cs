using System.Collections.Concurrent;
using System.Diagnostics;
using Platform.Abstractions;

namespace Platform.StatusStores.Tests;

public abstract partial class StatusStoreContract
{
    private const string RacedUnit = "raced.service";

    [Fact]
    public void WriterThreadsNeverLetAReaderSeeATornRecord()
    {
        var reader = Open();
        reader.Write(SampleStatus.Marked(RacedUnit, 0, 0));
        var writers = Enumerable.Range(1, 3).Select(_ => Open()).ToArray();
        var failures = new ConcurrentQueue<Exception>();
        var stop = false;
        var threads = writers.Select((store, index) => new Thread(() =>
        {
            try
            {
                for (var i = 1; !Volatile.Read(ref stop); i++)
                    store.Write(SampleStatus.Marked(RacedUnit, index + 1, i));
            }
            catch (Exception e) { failures.Enqueue(e); }
        })).ToArray();
        foreach (var t in threads) t.Start();
        var clock = Stopwatch.StartNew();
        var tally = ReadWhile(reader, () => clock.ElapsedMilliseconds < 800);
        Volatile.Write(ref stop, true);
        foreach (var t in threads) t.Join();
        Assert.Empty(failures);
        AssertNoTornOrMissingReads(tally);
    }

    [Fact]
    public void WriterProcessesNeverLetAReaderSeeATornRecord()
    {
        var reader = Open();
        reader.Write(SampleStatus.Marked(RacedUnit, 0, 0));
        var writers = new List<HelperProcess>();
        try
        {
            for (var w = 1; w <= 3; w++)
                writers.Add(new HelperProcess("write", StoreName, StateDirectory, Boot, RacedUnit, w.ToString(),
                    "1500"));
            var deadline = Stopwatch.StartNew();
            var tally = ReadWhile(reader, () =>
                !writers.TrueForAll(p => p.HasExited) && deadline.Elapsed < TimeSpan.FromSeconds(30));
            foreach (var writer in writers)
            {
                var result = writer.Wait(TimeSpan.FromSeconds(10));
                Assert.True(result.ExitCode == 0, result.ToString());
                Assert.StartsWith("wrote ", result.Stdout);
                Output.WriteLine($"writer process: {result.Stdout.Trim()}");
            }
            AssertNoTornOrMissingReads(tally);
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
        }
    }

    [Fact]
    public void ProcessesStartingTogetherOnAnEmptyStateDirectoryAllSucceed()
    {
        var fresh = Path.Join(StateDirectory, "fresh");
        var writers = new List<HelperProcess>();
        try
        {
            for (var w = 1; w <= 3; w++)
                writers.Add(new HelperProcess("write", StoreName, fresh, Boot, $"unit{w}.service", w.ToString(),
                    "300"));
            foreach (var writer in writers)
            {
                var result = writer.Wait(TimeSpan.FromSeconds(20));
                Assert.True(result.ExitCode == 0, result.ToString());
            }
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
        }
        var store = StoreFactory.Create(StoreName);
        using (store)
        {
            store.Open(new StatusStoreContext(fresh, Boot, new Dictionary<string, string>()));
            Assert.Equal(["unit1.service", "unit2.service", "unit3.service"], store.List().Select(r => r.Unit));
        }
    }

    private sealed record ReadTally(int Reads, int Missing, int Torn, int WritersSeen);

    private static ReadTally ReadWhile(IStatusStore reader, Func<bool> keepGoing)
    {
        int reads = 0, missing = 0, torn = 0;
        var writersSeen = new HashSet<int>();
        while (keepGoing())
        {
            reads++;
            var record = reader.Read(RacedUnit);
            if (record is null) missing++;
            else if (!SampleStatus.IsWhole(record, out var writer)) torn++;
            else writersSeen.Add(writer);
        }
        writersSeen.Remove(0);
        return new ReadTally(reads, missing, torn, writersSeen.Count);
    }

    private void AssertNoTornOrMissingReads(ReadTally tally)
    {
        Output.WriteLine($"{StoreName}: {tally}");
        Assert.Equal(0, tally.Missing);
        Assert.Equal(0, tally.Torn);
        // Records of at least two writers were read, so the reads really raced the writes.
        Assert.True(tally.WritersSeen >= 2, tally.ToString());
    }
}
