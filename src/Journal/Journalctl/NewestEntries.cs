using Platform.Abstractions;

namespace Platform.Journal.Journalctl;

/// <summary>
/// The newest N entries without reading a whole journal: <see cref="ILogReader"/> can only read forward, but readers
/// skip what lies before <see cref="LogQuery.SinceUsec"/> cheaply (the file sink skips whole files), so recent
/// windows are tried first and widened until enough entries are found.
/// </summary>
internal static class NewestEntries
{
    private static readonly TimeSpan[] Windows = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(12)];

    public static List<LogRecord> Read(ILogReader reader, LogQuery query, int count, Func<LogRecord, bool> accept)
    {
        var now = JournalClock.RealtimeUsec();
        foreach (var window in Windows)
        {
            var since = now - (long)(window.TotalMilliseconds * 1000);
            if (query.SinceUsec is { } asked && asked >= since) break;
            var found = Last(reader.Read(query with { SinceUsec = since }), count, accept);
            if (found.Count >= count) return found;
        }
        return Last(reader.Read(query), count, accept);
    }

    private static List<LogRecord> Last(IEnumerable<LogRecord> records, int count, Func<LogRecord, bool> accept)
    {
        var ring = new Queue<LogRecord>(Math.Min(count, 4096));
        foreach (var record in records)
        {
            if (!accept(record)) continue;
            if (ring.Count == count) ring.Dequeue();
            ring.Enqueue(record);
        }
        return [.. ring];
    }
}
