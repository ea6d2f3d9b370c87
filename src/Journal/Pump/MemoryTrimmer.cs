namespace Platform.Journal.Pump;

/// <summary>
/// Gives the memory of a burst of output back to the system once the burst is over: a busy minute can grow the heap
/// by tens of megabytes that a pump living for weeks should not keep.
/// </summary>
internal sealed class MemoryTrimmer
{
    private const long BurstBytes = 4 << 20;

    private readonly TimeSpan? _after;
    private long _bytes;
    private long _lastUse;

    public MemoryTrimmer(TimeSpan? after) => _after = after;

    public void Used(long bytes)
    {
        _bytes += bytes;
        _lastUse = Environment.TickCount64;
    }

    /// <summary>
    /// Whether to trim now; otherwise the milliseconds until that may be (-1: no burst to trim after).
    /// </summary>
    public bool Due(out int waitMs)
    {
        waitMs = -1;
        if (_after is not { } after || _bytes < BurstBytes) return false;
        var left = _lastUse + (long)after.TotalMilliseconds - Environment.TickCount64;
        if (left <= 0) return true;
        waitMs = (int)Math.Min(left, int.MaxValue);
        return false;
    }

    public void Trim()
    {
        _bytes = 0;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
