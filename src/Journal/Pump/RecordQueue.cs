using Platform.Abstractions;

namespace Platform.Journal.Pump;

/// <summary>
/// Batches of records between the reading thread and the sink thread, bounded by their approximate size: when full,
/// the reader stops reading and services block in write(2) instead of the pump growing without limit.
/// </summary>
internal sealed class RecordQueue
{
    /// <summary>Approximate bytes a record costs beyond its message.</summary>
    public const int RecordOverhead = 160;

    private readonly Queue<(List<LogRecord> Batch, long Bytes)> _queue = new();
    private readonly object _gate = new();
    private readonly long _limit;
    private long _bytes;
    private bool _completed;

    public RecordQueue(long limitBytes) => _limit = limitBytes;

    public bool IsEmpty
    {
        get { lock (_gate) return _queue.Count == 0; }
    }

    public void Add(List<LogRecord> batch, long bytes)
    {
        lock (_gate)
        {
            _queue.Enqueue((batch, bytes));
            _bytes += bytes;
            if (_queue.Count == 1) Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Blocks while the queue is over its bound; false when <paramref name="token"/> was cancelled.</summary>
    public bool WaitForSpace(CancellationToken token)
    {
        lock (_gate)
        {
            while (_bytes >= _limit)
            {
                if (token.IsCancellationRequested) return false;
                Monitor.Wait(_gate, 100);
            }
            return true;
        }
    }

    /// <summary>Takes the oldest batch, waiting for one; false once completed and drained.</summary>
    public bool TryTake(out List<LogRecord> batch)
    {
        lock (_gate)
        {
            while (_queue.Count == 0)
            {
                if (_completed)
                {
                    batch = null!;
                    return false;
                }
                Monitor.Wait(_gate);
            }
            var (taken, bytes) = _queue.Dequeue();
            var wasFull = _bytes >= _limit;
            _bytes -= bytes;
            if (wasFull && _bytes < _limit) Monitor.PulseAll(_gate);
            batch = taken;
            return true;
        }
    }

    /// <summary>No more batches will come; the taker drains what is queued and stops.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }
}
