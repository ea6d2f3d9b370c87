using Platform.Abstractions;

namespace Platform.Journal.Pump;

/// <summary>
/// The one thread that hands records to the sinks, in order. Sinks are flushed whenever the queue runs dry, so a
/// quiet service's lines reach files and FIFOs at once while a busy one's are written in large batches. A sink
/// that throws is reported once and dropped; the others keep working.
/// </summary>
internal sealed class SinkDispatcher
{
    private readonly RecordQueue _queue;
    private readonly List<ILogSink> _sinks;
    private readonly Action<string> _warn;
    private long _records;

    public SinkDispatcher(RecordQueue queue, IReadOnlyList<ILogSink> sinks, Action<string> warn)
    {
        _queue = queue;
        _sinks = [.. sinks];
        _warn = warn;
    }

    /// <summary>Records handed to the sinks so far.</summary>
    public long Records => Interlocked.Read(ref _records);

    public void Run()
    {
        try
        {
            while (_queue.TryTake(out var batch))
            {
                foreach (var record in batch)
                    for (var i = 0; i < _sinks.Count; i++)
                    {
                        try { _sinks[i].Write(record); }
                        catch (Exception e) { Drop(i--, "write", e); }
                    }
                Interlocked.Add(ref _records, batch.Count);
                if (_queue.IsEmpty) FlushAll();
            }
        }
        finally
        {
            FlushAll();
        }
    }

    private void FlushAll()
    {
        for (var i = 0; i < _sinks.Count; i++)
        {
            try { _sinks[i].Flush(); }
            catch (Exception e) { Drop(i--, "flush", e); }
        }
    }

    private void Drop(int index, string what, Exception e)
    {
        var sink = _sinks[index];
        _sinks.RemoveAt(index);
        _warn($"log sink {sink.GetType().Name} failed to {what} ({ErrorText.Describe(e)}); it is disabled");
    }
}
