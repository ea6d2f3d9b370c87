using Platform.Abstractions;

namespace Platform.Exec;

/// <summary>
/// A point on the monotonic clock by which something must be done, or never. Every timeout of a unit goes through
/// here, because unit files may say <c>infinity</c> (<see cref="SystemdValues.Infinity"/>, TimeSpan.MaxValue) or
/// years, which .NET timers (CancelAfter, Task.Delay, WaitAsync: at most ~49 days) and TimeSpan sums reject with
/// an exception; here such values simply mean "no deadline".
/// </summary>
internal readonly record struct Deadline
{
    /// <summary>The longest wait .NET timers accept; anything longer is treated as no deadline at all.</summary>
    private static readonly TimeSpan TimerLimit = TimeSpan.FromMilliseconds(int.MaxValue);

    private readonly long _tickMs;

    private Deadline(long tickMs) => _tickMs = tickMs;

    /// <summary>No deadline: waits forever.</summary>
    public static Deadline Never { get; } = new(long.MaxValue);

    /// <summary>Whether this deadline never comes.</summary>
    public bool IsNever => _tickMs == long.MaxValue;

    /// <summary>
    /// Now plus <paramref name="timeout"/>; an infinite or unrepresentable timeout gives <see cref="Never"/>.
    /// </summary>
    public static Deadline After(TimeSpan timeout)
        => IsInfinite(timeout) ? Never : new Deadline(Environment.TickCount64
            + (long)Math.Max(0, timeout.TotalMilliseconds));

    /// <summary>Whether a timeout means "wait forever" (infinity, or longer than any timer can wait).</summary>
    public static bool IsInfinite(TimeSpan timeout) => timeout == Timeout.InfiniteTimeSpan || timeout >= TimerLimit;

    /// <summary>
    /// Time left, never negative; <see cref="Timeout.InfiniteTimeSpan"/> for <see cref="Never"/> (what timers take for
    /// "no timeout").
    /// </summary>
    public TimeSpan Remaining
        => IsNever ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(
            Math.Max(0, _tickMs - Environment.TickCount64));

    /// <summary>The later of two deadlines.</summary>
    public static Deadline Later(Deadline a, Deadline b) => a._tickMs >= b._tickMs ? a : b;

    /// <summary>
    /// A timeout in the form timers take: itself, or <see cref="Timeout.InfiniteTimeSpan"/> when infinite.
    /// </summary>
    public static TimeSpan ForTimer(TimeSpan timeout) =>
        IsInfinite(timeout) ? Timeout.InfiniteTimeSpan : timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout;

    /// <summary>
    /// Sums timeouts without overflow: any infinite part makes the sum <see cref="SystemdValues.Infinity"/>.
    /// </summary>
    public static TimeSpan Sum(params ReadOnlySpan<TimeSpan> parts)
    {
        var total = TimeSpan.Zero;
        foreach (var part in parts)
        {
            if (IsInfinite(part) || part >= SystemdValues.Infinity - total) return SystemdValues.Infinity;
            total += part;
        }
        return total;
    }

    /// <summary>
    /// A cancellation source that fires after <paramref name="timeout"/> (never when infinite), linked to
    /// <paramref name="outer"/>.
    /// </summary>
    public static CancellationTokenSource Source(TimeSpan timeout, CancellationToken outer = default)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        if (!IsInfinite(timeout)) cts.CancelAfter(ForTimer(timeout));
        return cts;
    }
}
