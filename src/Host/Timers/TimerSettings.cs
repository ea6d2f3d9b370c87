using Platform.Abstractions;
using Platform.Units;
using Platform.Units.Calendar;

namespace Platform.Host.Timers;

/// <summary>The <c>[Timer]</c> section of a timer unit (systemd.timer(5)), parsed once.</summary>
internal sealed class TimerSettings
{
    private static readonly (string Key, TimerBase Base)[] Monotonic =
    [
        ("OnActiveSec", TimerBase.Active), ("OnBootSec", TimerBase.Boot), ("OnStartupSec", TimerBase.Startup),
        ("OnUnitActiveSec", TimerBase.UnitActive), ("OnUnitInactiveSec", TimerBase.UnitInactive),
    ];

    /// <summary>The monotonic settings in file order, each with its span.</summary>
    public List<(TimerBase Base, TimeSpan Value)> MonotonicValues { get; } = [];
    /// <summary>The <c>OnCalendar=</c> settings that parse, in file order.</summary>
    public List<CalendarSpec> Calendars { get; } = [];
    public required string Unit { get; init; }
    public TimeSpan Accuracy { get; init; }
    public TimeSpan RandomizedDelay { get; init; }
    public bool FixedRandomDelay { get; init; }
    public bool Persistent { get; init; }
    public bool WakeSystem { get; init; }
    public bool RemainAfterElapse { get; init; }
    public bool OnClockChange { get; init; }
    public bool OnTimezoneChange { get; init; }

    /// <summary>
    /// Settings relative to the triggered unit keep an elapsed timer around (systemd's leave_around).
    /// </summary>
    public bool LeaveAround => MonotonicValues.Any(v => v.Base is TimerBase.UnitActive or TimerBase.UnitInactive);

    public static TimerSettings From(UnitDefinition unit)
    {
        var settings = new TimerSettings
        {
            Unit = unit.Get("Timer", "Unit") ?? UnitNames.WithoutSuffix(unit.Name) + ".service",
            Accuracy = unit.GetTimeSpan("Timer", "AccuracySec") ?? TimeSpan.FromMinutes(1),
            RandomizedDelay = unit.GetTimeSpan("Timer", "RandomizedDelaySec") ?? TimeSpan.Zero,
            FixedRandomDelay = unit.GetBool("Timer", "FixedRandomDelay", false),
            Persistent = unit.GetBool("Timer", "Persistent", false),
            WakeSystem = unit.GetBool("Timer", "WakeSystem", false),
            RemainAfterElapse = unit.GetBool("Timer", "RemainAfterElapse", true),
            OnClockChange = unit.GetBool("Timer", "OnClockChange", false),
            OnTimezoneChange = unit.GetBool("Timer", "OnTimezoneChange", false),
        };
        // File order across the settings, as systemd keeps its value list; an empty assignment clears them all.
        foreach (var setting in unit.Settings)
        {
            if (setting.Section != "Timer") continue;
            if (setting.Value.Length == 0 && (setting.Key == "OnCalendar" || Monotonic.Any(m => m.Key == setting.Key)))
            {
                settings.MonotonicValues.Clear();
                settings.Calendars.Clear();
                continue;
            }
            if (setting.Key == "OnCalendar")
            {
                // systemd ignores (with a warning at load) what does not parse.
                if (CalendarSpec.TryParse(setting.Value, out var spec)) settings.Calendars.Add(spec);
                continue;
            }
            foreach (var (key, kind) in Monotonic)
                if (setting.Key == key && SystemdValues.TryParseTimeSpan(setting.Value, out var span)
                    && span != SystemdValues.Infinity)
                    settings.MonotonicValues.Add((kind, span));
        }
        return settings;
    }

    /// <summary>The D-Bus name of a monotonic base, as <c>TimersMonotonic=</c> prints it.</summary>
    public static string PropertyName(TimerBase kind) => kind switch
    {
        TimerBase.Active => "OnActiveUSec",
        TimerBase.Boot => "OnBootUSec",
        TimerBase.Startup => "OnStartupUSec",
        TimerBase.UnitActive => "OnUnitActiveUSec",
        _ => "OnUnitInactiveUSec",
    };
}
