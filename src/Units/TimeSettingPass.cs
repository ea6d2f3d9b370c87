using Platform.Abstractions;

namespace Platform.Units;

/// <summary>
/// Checks the time settings (systemd.time(7) spans) of a loaded unit the way systemd 252's config parsers do: an
/// assignment that does not parse is dropped with systemd's warning for that setting, so the value before it
/// (usually the default) stays in force. Like systemd, an empty value is such an assignment for most of them.
/// </summary>
internal static class TimeSettingPass
{
    private const string SecValue = "Failed to parse sec value";

    /// <summary>
    /// Section, key, the message prefix systemd uses for it, and whether an empty value resets instead of warning.
    /// </summary>
    private static readonly (string Section, string Key, string Message, bool EmptyResets)[] Settings =
    [
        ("Unit", "JobTimeoutSec", "Failed to parse JobTimeoutSec= parameter", false),
        ("Unit", "JobRunningTimeoutSec", "Failed to parse JobRunningTimeoutSec= parameter", false),
        ("Unit", "StartLimitIntervalSec", SecValue, false),
        ("Unit", "StartLimitInterval", SecValue, false),
        ("Service", "TimeoutSec", "Failed to parse TimeoutSec= parameter", false),
        ("Service", "TimeoutStartSec", "Failed to parse TimeoutStartSec= parameter", false),
        ("Service", "TimeoutStopSec", "Failed to parse time value", false),
        ("Service", "TimeoutAbortSec", "Failed to parse TimeoutAbortSec= setting", true),
        ("Service", "RestartSec", SecValue, false),
        ("Service", "WatchdogSec", SecValue, false),
        ("Service", "RuntimeMaxSec", SecValue, false),
        ("Service", "RuntimeRandomizedExtraSec", SecValue, false),
        ("Service", "StartLimitInterval", SecValue, false),
    ];

    /// <summary>
    /// Drops unparsable time assignments from <paramref name="settings"/>, warning through <paramref name="warn"/>.
    /// </summary>
    public static void Apply(List<UnitSetting> settings, Action<string>? warn)
    {
        for (var i = 0; i < settings.Count; i++)
        {
            var s = settings[i];
            var message = MessageFor(s);
            if (message is null || SystemdValues.TryParseUsec(s.Value, 1_000_000, out _)) continue;
            warn?.Invoke($"{UnitChecks.Where(s)}{message}, ignoring: {s.Value}");
            settings.RemoveAt(i--);
        }
    }

    private static string? MessageFor(UnitSetting s)
    {
        foreach (var (section, key, message, emptyResets) in Settings)
            if (s.Key == key && s.Section == section)
                return emptyResets && s.Value.Length == 0 ? null : message;
        return null;
    }
}
