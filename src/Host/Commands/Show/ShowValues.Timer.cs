using Platform.Abstractions;
using Platform.Host.Output;
using Platform.Host.Timers;

namespace Platform.Host.Commands.Show;

internal sealed partial class ShowValues
{
    private TimerSettings? _timerSettings;

    /// <summary>
    /// A timer's properties as systemctl 252 prints them: realtime elapses as timestamps, monotonic ones as spans of
    /// CLOCK_MONOTONIC, one <c>TimersMonotonic=</c>/<c>TimersCalendar=</c> line per setting.
    /// </summary>
    private IEnumerable<string> TimerValues(string key)
    {
        // Parsed once per unit, not once per property (OnCalendar= parsing is the expensive part).
        var settings = _timerSettings ??= TimerSettings.From(_u);
        var schedule = _s.TimerSchedule;
        var lastTrigger = TimerRuntime.LastTrigger(_st);
        switch (key)
        {
            case "Unit":
                yield return settings.Unit;
                break;
            case "TimersMonotonic":
                for (var i = 0; i < settings.MonotonicValues.Count; i++)
                {
                    var (kind, value) = settings.MonotonicValues[i];
                    var next = schedule is null ? 0 : schedule.MonotonicElapses[i];
                    yield return $"{{ {TimerSettings.PropertyName(kind)}={SystemdValues.FormatTimeSpan(value)} ; "
                        + $"next_elapse={MonoSpan(next)} }}";
                }
                break;
            case "TimersCalendar":
                for (var i = 0; i < settings.Calendars.Count; i++)
                {
                    var next = schedule is null ? 0 : schedule.CalendarElapses[i];
                    yield return $"{{ OnCalendar={settings.Calendars[i]} ; "
                        + $"next_elapse={(next > 0 ? Stamp(next) : "n/a")} }}";
                }
                break;
            case "OnClockChange":
                yield return SystemdFormat.YesNo(settings.OnClockChange);
                break;
            case "OnTimezoneChange":
                yield return SystemdFormat.YesNo(settings.OnTimezoneChange);
                break;
            case "NextElapseUSecRealtime":
                yield return schedule is { NextRealtime: > 0 } ? Stamp(schedule.NextRealtime) : "";
                break;
            case "NextElapseUSecMonotonic":
                yield return schedule is { NextMonotonic: > 0 } ? MonoSpan(schedule.NextMonotonic) : "infinity";
                break;
            case "LastTriggerUSec":
                yield return Stamp(lastTrigger);
                break;
            case "LastTriggerUSecMonotonic":
                yield return MonoSpan(lastTrigger);
                break;
            case "Result":
                yield return _st.Result;
                break;
            case "AccuracyUSec":
                yield return SystemdValues.FormatTimeSpan(settings.Accuracy);
                break;
            case "RandomizedDelayUSec":
                yield return SystemdValues.FormatTimeSpan(settings.RandomizedDelay);
                break;
            case "FixedRandomDelay":
                yield return SystemdFormat.YesNo(settings.FixedRandomDelay);
                break;
            case "Persistent":
                yield return SystemdFormat.YesNo(settings.Persistent);
                break;
            case "WakeSystem":
                yield return SystemdFormat.YesNo(settings.WakeSystem);
                break;
            case "RemainAfterElapse":
                yield return SystemdFormat.YesNo(settings.RemainAfterElapse);
                break;
        }
    }

    /// <summary>
    /// A wall-clock instant as the CLOCK_MONOTONIC span systemd prints for monotonic properties ("0" for none).
    /// </summary>
    private string MonoSpan(long usec)
        => usec <= 0 ? "0" : SystemdValues.FormatTimeSpan(TimeSpan.FromTicks(
            Math.Max(0, usec - _monotonicOffsetUsec) * TimeSpan.TicksPerMicrosecond));
}
