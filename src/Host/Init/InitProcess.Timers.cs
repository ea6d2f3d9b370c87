using System.Collections.Concurrent;
using System.Globalization;
using Platform.Abstractions;
using Platform.Host.Lifecycle;
using Platform.Host.Timers;

namespace Platform.Host.Init;

/// <summary>
/// Timer units under the init. Every active timer in the status store is armed, whoever started it (the boot through
/// timers.target, or a `systemctl start x.timer` from a shell, which the status folder watch reports). One wake-up
/// waits for the earliest due elapse; at it the init records the trigger (and the Persistent= stamp), marks the timer
/// running and starts its unit through the same UnitManager as every other start. When that unit is no longer running
/// the timer waits for its next elapse, or ends elapsed. Elapses are computed from the store alone
/// (<see cref="TimerSchedule"/>), so there is no timer state to lose or to reconcile.
/// </summary>
internal sealed partial class InitProcess
{
    private readonly ConcurrentDictionary<string, byte> _timerStarts = new(StringComparer.Ordinal);
    private CancellationTokenSource? _timerWake;
    private long _timerWakeAt;

    /// <summary>Fires the due timers, settles those whose unit finished, and sleeps until the next elapse.</summary>
    private void CheckTimers()
    {
        if (_shutdown.IsCancellationRequested) return;
        long earliest = 0;
        foreach (var status in ctx.Store.List())
        {
            if (!status.Unit.EndsWith(".timer", StringComparison.Ordinal) || status.ActiveState != ActiveState.Active)
                continue;
            var definition = ctx.Units.Load(status.Unit);
            if (definition.LoadState != UnitLoadState.Loaded) continue;
            var settings = TimerSettings.From(definition);
            var name = status.Unit;
            if (status.SubState == "running" && (_timerStarts.ContainsKey(name) || _manager.IsRunning(settings.Unit)))
                continue;
            var now = Clock.NowUsec();
            var schedule = TimerRuntime.Schedule(ctx, definition, status, now);
            // A timer that only waits for clock or time zone changes stays waiting (never seen here: nothing sends
            // those).
            if (schedule.Due is null && (settings.OnClockChange || settings.OnTimezoneChange))
            {
                if (status.SubState != "waiting")
                    UpdateTimer(name, s => s with { SubState = "waiting", StateChangeTimestamp = now });
                continue;
            }
            if (schedule.Due is not { } due)
            {
                var remain = settings.RemainAfterElapse || settings.LeaveAround;
                if (remain ? status.SubState != "elapsed" : status.ActiveState != ActiveState.Inactive)
                    UpdateTimer(name, s =>
                        remain ? s with { SubState = "elapsed", StateChangeTimestamp = now } : Ended(s, now));
                continue;
            }
            if (due <= now)
            {
                FireTimer(name, settings);
                continue;
            }
            if (status.SubState != "waiting")
                UpdateTimer(name, s => s with { SubState = "waiting", StateChangeTimestamp = now });
            if (earliest == 0 || due < earliest) earliest = due;
        }
        ArmWake(earliest);
    }

    private static UnitStatus Ended(UnitStatus s, long now)
        => s with { ActiveState = ActiveState.Inactive, SubState = "dead", ActiveExitTimestamp = now,
            InactiveEnterTimestamp = now, StateChangeTimestamp = now };

    /// <summary>
    /// timer_enter_running(): trigger recorded, unit started in the background (a oneshot's run must not stall the
    /// loop).
    /// </summary>
    private void FireTimer(string name, TimerSettings settings)
    {
        var now = Clock.NowUsec();
        var fired = UpdateTimer(name, s =>
        {
            var extra = new Dictionary<string, string>(s.Extra) {
                [TimerRuntime.LastTriggerKey] = now.ToString(CultureInfo.InvariantCulture) };
            return s with { SubState = "running", StateChangeTimestamp = now, Result = "success", Extra = extra };
        });
        if (!fired) return;
        if (settings.Persistent) TimerRuntime.WriteStamp(ctx, name, now);
        _timerStarts[name] = 0;
        _ = Task.Run(async () =>
        {
            try { await StartAsync([settings.Unit]).ConfigureAwait(false); }
            finally
            {
                _timerStarts.TryRemove(name, out _);
                _events.Writer.TryWrite("timers");
            }
        });
    }

    /// <summary>
    /// Rewrites a timer's record under its lock, only while it is still active (a stop from a shell wins).
    /// </summary>
    private bool UpdateTimer(string name, Func<UnitStatus, UnitStatus> change)
    {
        using var held = UnitLock.Acquire(ctx.ManagerRunDirectory, name, TimeSpan.FromSeconds(30));
        if (ctx.Store.Read(name) is not { ActiveState: ActiveState.Active } current) return false;
        ctx.Store.Write(change(current));
        return true;
    }

    private void ArmWake(long at)
    {
        if (at == _timerWakeAt && _timerWake is not null) return;
        _timerWake?.Cancel();
        _timerWake?.Dispose();
        _timerWake = null;
        _timerWakeAt = at;
        if (at == 0) return;
        var cancel = _timerWake = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
        var delay = TimeSpan.FromTicks(Math.Max(0, at - Clock.NowUsec()) * TimeSpan.TicksPerMicrosecond);
        _ = Task.Run(async () =>
        {
            try { await Task.Delay(delay, cancel.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            // Task.Delay may wake a little early: never before the due time.
            while (Clock.NowUsec() < at) await Task.Delay(1).ConfigureAwait(false);
            _timerWakeAt = 0;
            _events.Writer.TryWrite("timers");
        });
    }
}
