namespace Platform.Host.Lifecycle;

/// <summary>
/// Wall-clock timestamps in microseconds since the epoch, the unit systemd's *Timestamp properties use.
/// </summary>
internal static class Clock
{
    public static long NowUsec() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;
}
