using Platform.Abstractions;

namespace Platform.Host.Timers;

/// <summary>
/// When a timer elapses next (systemd's timer_enter_waiting()), from its settings and the recorded timestamps only,
/// so the init that fires it and any <c>show</c>/<c>list-timers</c> compute the same answer without sharing memory.
/// All times are wall-clock µs since the epoch; monotonic elapses are kept as their wall-clock equivalent.
/// </summary>
internal sealed class TimerSchedule
{
    /// <summary>
    /// The next elapse of each monotonic setting (0 when it has no base yet or is used up), in setting order.
    /// </summary>
    public List<long> MonotonicElapses { get; } = [];
    /// <summary>The next elapse of each calendar setting (0 = never), in setting order.</summary>
    public List<long> CalendarElapses { get; } = [];
    /// <summary>The earliest monotonic elapse including the randomized delay, or 0.</summary>
    public long NextMonotonic { get; private set; }
    /// <summary>The earliest calendar elapse including the randomized delay, or 0.</summary>
    public long NextRealtime { get; private set; }

    /// <summary>The earlier of both, or null when the timer will not elapse again.</summary>
    public long? Due => (NextMonotonic, NextRealtime) switch
    {
        (0, 0) => null,
        (0, var r) => r,
        (var m, 0) => m,
        var (m, r) => Math.Min(m, r),
    };

    /// <param name="settings">The timer's settings.</param>
    /// <param name="timer">The timer's record; its InactiveExitTimestamp is its activation.</param>
    /// <param name="unit">The triggered unit's record.</param>
    /// <param name="lastTrigger">When the timer last fired (0 never), from its record or its Persistent= stamp.</param>
    /// <param name="startup">When the running init started (null when none runs): the base of OnStartupSec= and, as in
    /// containers, OnBootSec=.</param>
    /// <param name="boot">The kernel's boot time, the base of OnBootSec= without an init.</param>
    /// <param name="now">The current time.</param>
    /// <param name="machineKey">Seeds FixedRandomDelay= (machine id and unit name).</param>
    public static TimerSchedule Compute(TimerSettings settings, UnitStatus timer, UnitStatus unit, long lastTrigger,
        long? startup, long boot,
        long now, string machineKey)
    {
        var schedule = new TimerSchedule();
        long monotonic = 0, realtime = 0;
        foreach (var (kind, value) in settings.MonotonicValues)
        {
            var origin = kind switch
            {
                TimerBase.Active => timer.InactiveExitTimestamp,
                TimerBase.Boot => startup ?? boot,
                TimerBase.Startup => startup ?? 0,
                TimerBase.UnitActive => Math.Max(unit.InactiveExitTimestamp, lastTrigger),
                _ => Math.Max(unit.InactiveEnterTimestamp, lastTrigger),
            };
            var elapse = origin <= 0 ? 0 : origin + value.Ticks / TimeSpan.TicksPerMicrosecond;
            // A one-time elapse in the past is used up once the timer has fired (systemd disables it).
            if (elapse > 0 && lastTrigger > 0 && elapse < now && kind is TimerBase.Active or TimerBase.Boot
                or TimerBase.Startup) elapse = 0;
            schedule.MonotonicElapses.Add(elapse);
            if (elapse > 0 && (monotonic == 0 || elapse < monotonic)) monotonic = elapse;
        }
        foreach (var spec in settings.Calendars)
        {
            // Counted from the last trigger when known (a missed Persistent= run is then in the past and fires at
            // once).
            var from = lastTrigger > 0 ? lastTrigger : timer.InactiveExitTimestamp > 0
                ? timer.InactiveExitTimestamp : now;
            var elapse = spec.NextElapseUsec(from) ?? 0;
            schedule.CalendarElapses.Add(elapse);
            if (elapse > 0 && (realtime == 0 || elapse < realtime)) realtime = elapse;
        }
        var random = RandomDelay(settings, timer, lastTrigger, machineKey);
        schedule.NextMonotonic = monotonic == 0 ? 0 : monotonic + random;
        schedule.NextRealtime = realtime == 0 ? 0 : realtime + random;
        return schedule;
    }

    /// <summary>
    /// RandomizedDelaySec=: a stable pick per elapse (seeded by the invocation id and the last trigger) so every
    /// process computes the same elapse; with FixedRandomDelay= stable per machine and unit, as systemd's hash of
    /// machine id and unit name.
    /// </summary>
    private static long RandomDelay(TimerSettings settings, UnitStatus timer, long lastTrigger, string machineKey)
    {
        var range = settings.RandomizedDelay.Ticks / TimeSpan.TicksPerMicrosecond;
        if (range <= 0) return 0;
        var seed = settings.FixedRandomDelay ? machineKey : timer.InvocationId + "/"
            + lastTrigger.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ulong hash = 14695981039346656037;
        foreach (var ch in seed)
        {
            hash ^= ch;
            hash *= 1099511628211;
        }
        return (long)(hash % (ulong)range);
    }
}
