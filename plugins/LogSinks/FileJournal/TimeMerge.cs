using Platform.Abstractions;

namespace Platform.LogSinks.FileJournal;

/// <summary>
/// Merges per-unit record sequences (each already in time order) into one, oldest first; ties keep source order.
/// </summary>
internal static class TimeMerge
{
    public static IEnumerable<LogRecord> Merge(IReadOnlyList<IEnumerable<LogRecord>> sources)
    {
        var enumerators = new List<IEnumerator<LogRecord>>(sources.Count);
        var heap = new PriorityQueue<int, (long Time, int Source)>();
        try
        {
            for (var i = 0; i < sources.Count; i++)
            {
                var e = sources[i].GetEnumerator();
                enumerators.Add(e);
                if (e.MoveNext()) heap.Enqueue(i, (e.Current.RealtimeUsec, i));
            }
            while (heap.TryDequeue(out var index, out _))
            {
                var e = enumerators[index];
                yield return e.Current;
                if (e.MoveNext()) heap.Enqueue(index, (e.Current.RealtimeUsec, index));
            }
        }
        finally
        {
            foreach (var e in enumerators) e.Dispose();
        }
    }
}
