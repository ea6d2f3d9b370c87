using System.Diagnostics;

namespace Platform.Journal;

/// <summary>The two clocks journald stamps records with, in microseconds.</summary>
internal static class JournalClock
{
    /// <summary>CLOCK_REALTIME in µs since the Unix epoch (<c>__REALTIME_TIMESTAMP</c>).</summary>
    public static long RealtimeUsec() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    /// <summary>CLOCK_MONOTONIC in µs (<c>__MONOTONIC_TIMESTAMP</c>); Stopwatch reads that clock on Linux.</summary>
    public static long MonotonicUsec()
    {
        var ticks = Stopwatch.GetTimestamp();
        return Stopwatch.Frequency == 1_000_000_000 ? ticks / 1000
            : (long)(ticks * (1_000_000.0 / Stopwatch.Frequency));
    }
}
