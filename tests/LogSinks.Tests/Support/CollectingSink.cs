using Platform.Abstractions;

namespace Platform.LogSinks.Tests.Support;

/// <summary>A sink that keeps every record it gets, for tests to wait on.</summary>
internal sealed class CollectingSink : ILogSink
{
    private readonly List<LogRecord> _records = [];

    public int Flushes { get; private set; }

    public bool Open(LogSinkContext context) => true;

    public void Write(LogRecord record)
    {
        lock (_records) _records.Add(record);
    }

    public void Flush() => Flushes++;

    public void Dispose()
    {
    }

    public IReadOnlyList<LogRecord> Snapshot()
    {
        lock (_records) return [.. _records];
    }

    /// <summary>
    /// Waits until <paramref name="done"/> holds for the records so far; throws after <paramref name="seconds"/>.
    /// </summary>
    public IReadOnlyList<LogRecord> WaitFor(Func<IReadOnlyList<LogRecord>, bool> done, double seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var now = Snapshot();
            if (done(now)) return now;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"condition not met; {now.Count} records:\n"
                    + string.Join("\n", now.Take(50).Select(r => $"{r.Unit} p{r.Priority} [{r.Pid}] {r.MessageText}")));
            Thread.Sleep(20);
        }
    }
}
