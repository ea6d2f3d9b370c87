namespace Platform.Journal.Journalctl;

/// <summary>
/// Converts record times to local wall-clock time, remembering the zone offset per quarter hour (cheap per entry).
/// </summary>
internal sealed class LocalClock
{
    private const long QuarterUsec = 15L * 60 * 1_000_000;

    private readonly TimeZoneInfo _zone;
    private long _block = long.MinValue;
    private TimeSpan _offset;

    public LocalClock(bool utc) => _zone = utc ? TimeZoneInfo.Utc : TimeZoneInfo.Local;

    /// <summary>The local time of <paramref name="realtimeUsec"/> and the zone's offset then.</summary>
    public DateTime ToLocal(long realtimeUsec, out TimeSpan offset)
    {
        var block = realtimeUsec / QuarterUsec;
        var utc = DateTime.UnixEpoch.AddTicks(realtimeUsec * 10);
        if (block != _block)
        {
            _block = block;
            _offset = _zone.GetUtcOffset(utc);
        }
        offset = _offset;
        return DateTime.SpecifyKind(utc + _offset, DateTimeKind.Unspecified);
    }
}
