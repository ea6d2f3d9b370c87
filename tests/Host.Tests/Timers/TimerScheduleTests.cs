using Platform.Abstractions;
using Platform.Host.Timers;

namespace Platform.Host.Tests.Timers;

/// <summary>The next-elapse rules of systemd's timer_enter_waiting(), on fixed timestamps.</summary>
public sealed class TimerScheduleTests
{
    private const long S = 1_000_000;
    private const long Now = 1_800_000_000 * S;

    private static TimerSettings Settings(params string[] lines)
    {
        var settings = lines.Select((l, i) =>
            new UnitSetting("Timer", l[..l.IndexOf('=')], l[(l.IndexOf('=') + 1)..], "x.timer", i + 1)).ToList();
        return TimerSettings.From(new UnitDefinition("x.timer", UnitLoadState.Loaded, "/x.timer", [], settings));
    }

    private static UnitStatus Timer(long activated) =>
        new() { Unit = "x.timer", ActiveState = ActiveState.Active, InactiveExitTimestamp = activated,
        InvocationId = "abc" };

    private static TimerSchedule Compute(TimerSettings settings, UnitStatus timer, UnitStatus? unit = null,
        long lastTrigger = 0, long? startup = null)
        => TimerSchedule.Compute(settings, timer, unit ?? new UnitStatus { Unit = "x.service" }, lastTrigger, startup,
            Now - 3600 * S, Now, "machine/x.timer");

    [Fact]
    public void OnActiveSecCountsFromTheTimersActivationAndIsUsedUpOnceFired()
    {
        var settings = Settings("OnActiveSec=5s");
        Assert.Equal(Now + 4 * S, Compute(settings, Timer(Now - S)).Due);
        // Fired at its time: now in the past, so used up, and the timer has nothing left (elapsed).
        Assert.Null(Compute(settings, Timer(Now - 10 * S), lastTrigger: Now - 5 * S).Due);
        // Never fired and already past (the init was down): fires at once.
        Assert.Equal(Now - 5 * S, Compute(settings, Timer(Now - 10 * S)).Due);
    }

    [Fact]
    public void OnUnitActiveSecWaitsForAFirstActivationThenRepeats()
    {
        var settings = Settings("OnUnitActiveSec=10s", "OnBootSec=1min", "OnStartupSec=2s");
        var schedule = Compute(settings, Timer(Now), startup: Now - 30 * S);
        Assert.Equal([0, Now + 30 * S, Now - 28 * S], schedule.MonotonicElapses);
        var unit = new UnitStatus { Unit = "x.service", InactiveExitTimestamp = Now - 3 * S };
        var later = Compute(settings, Timer(Now - 60 * S), unit, lastTrigger: Now - 4 * S, startup: Now - 61 * S);
        // The boot and startup elapses fired already; the unit's activation (later than the trigger) counts.
        Assert.Equal([Now + 7 * S, 0, 0], later.MonotonicElapses);
        Assert.Equal(Now + 7 * S, later.Due);
    }

    [Fact]
    public void CalendarCountsFromTheLastTriggerSoAMissedRunIsDue()
    {
        var settings = Settings("OnCalendar=daily", "OnCalendar=*-*-* 12:00 UTC");
        var missed = Compute(settings, Timer(Now), lastTrigger: Now - 3 * 86400 * S);
        Assert.True(missed.Due < Now);
        var fresh = Compute(settings, Timer(Now));
        Assert.True(fresh.Due > Now && fresh.Due <= Now + 86400 * S);
        Assert.Equal(2, fresh.CalendarElapses.Count);
        Assert.Equal(0, fresh.NextMonotonic);
    }

    [Fact]
    public void RandomizedDelayStaysInItsRangeAndFixedRandomDelayIsStable()
    {
        var random = Settings("OnActiveSec=1s", "RandomizedDelaySec=1h");
        var fixedDelay = Settings("OnActiveSec=1s", "RandomizedDelaySec=1h", "FixedRandomDelay=yes");
        var delays = Enumerable.Range(0, 20).Select(i =>
            Compute(random, Timer(Now + i * S)).Due!.Value - (Now + (i + 1) * S)).ToList();
        Assert.All(delays, d => Assert.InRange(d, 0, 3600 * S - 1));
        Assert.True(delays.Distinct().Count() > 1 || delays[0] != 0);
        var a = Compute(fixedDelay, Timer(Now)).Due!.Value - Now;
        var b = Compute(fixedDelay, Timer(Now + 100 * S) with { InvocationId = "other" }).Due!.Value - Now - 100 * S;
        Assert.Equal(a, b);
    }

    [Fact]
    public void DefaultsAreSystemds()
    {
        var settings = Settings("OnCalendar=weekly");
        Assert.Equal("x.service", settings.Unit);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.Accuracy);
        Assert.True(settings.RemainAfterElapse);
        Assert.False(settings.Persistent);
        Assert.Empty(Settings("OnCalendar=daily", "OnCalendar=", "OnActiveSec=1").Calendars);
    }
}
