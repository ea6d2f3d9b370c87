using Platform.Abstractions;

namespace Platform.Units;

/// <summary>
/// The load-time checks systemd applies to a parsed unit, with its wording: unknown sections (warning),
/// unusable command lines (warning or fatal), and the service sanity checks that make a unit <c>bad-setting</c>.
/// </summary>
internal static class UnitChecks
{
    private static readonly string[] ExecKeys =
        ["ExecStart", "ExecStartPre", "ExecStartPost", "ExecStop", "ExecStopPost", "ExecReload", "ExecCondition"];

    /// <summary>The values systemd 252 accepts for <c>Type=</c>.</summary>
    public static readonly string[] ServiceTypes = ["simple", "exec", "forking", "oneshot", "dbus", "notify",
        "notify-reload", "idle"];

    /// <summary>
    /// The type-specific section of a unit type (<c>Service</c> for <c>service</c>), or null (targets, devices).
    /// </summary>
    public static string? TypeSection(string type) => type switch
    {
        "service" => "Service", "socket" => "Socket", "mount" => "Mount", "automount" => "Automount",
        "swap" => "Swap", "path" => "Path", "timer" => "Timer", "slice" => "Slice", "scope" => "Scope",
        _ => null,
    };

    public static bool IsKnownSection(string section, string type)
        => section is "Unit" or "Install" || section == TypeSection(type)
            || section.StartsWith("X-", StringComparison.Ordinal);

    public static bool IsExecKey(string key) => Array.IndexOf(ExecKeys, key) >= 0;

    /// <summary>
    /// Drops command lines systemd ignores (warning through <paramref name="warn"/>); returns a fatal error line, or
    /// null.
    /// </summary>
    public static string? CheckExecLines(string type, List<UnitSetting> settings, Action<string>? warn)
    {
        var section = TypeSection(type);
        if (section is null) return null;
        for (var i = 0; i < settings.Count; i++)
        {
            var s = settings[i];
            if (s.Section != section || s.Value.Length == 0 || !IsExecKey(s.Key)) continue;
            if (ExecLineParser.TryParse(s.Value, out var error, out var fatal) is not null) continue;
            var where = Where(s);
            if (fatal) return $"{where}{error}";
            warn?.Invoke($"{where}{error}");
            settings.RemoveAt(i--);
        }
        return null;
    }

    /// <summary>
    /// The service checks systemd runs after loading; the refusal text, or null when the service is usable.
    /// </summary>
    public static string? CheckService(UnitDefinition unit)
    {
        if (unit.Kind != "service") return null;
        var execStart = unit.GetList("Service", "ExecStart");
        var hasStop = unit.GetList("Service", "ExecStop").Count > 0;
        var successAction = unit.Get("Unit", "SuccessAction") is { } a && a != "none";
        if (execStart.Count == 0 && !hasStop && !successAction)
            return "Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.";
        // Without ExecStart= systemd defaults the type to oneshot; an unknown type is ignored with a warning.
        var type = unit.Get("Service", "Type") is { } t && Array.IndexOf(ServiceTypes, t) >= 0 ? t
            : execStart.Count == 0 ? "oneshot" : "simple";
        if (execStart.Count == 0 && type != "oneshot")
            return "Service has no ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.";
        if (execStart.Count == 0 && !successAction && !unit.GetBool("Service", "RemainAfterExit", false))
            return "Service has no ExecStart= and no SuccessAction= settings and does not have RemainAfterExit=yes "
                + "set. Refusing.";
        if (execStart.Count > 1 && type != "oneshot")
            return "Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. "
                + "Refusing.";
        if (type == "oneshot" && unit.Get("Service", "Restart") is "always" or "on-success")
            return "Service has Restart= set to either always or on-success, which isn't allowed for Type=oneshot "
                + "services. Refusing.";
        if (type == "dbus" && unit.Get("Service", "BusName") is null)
            return "Service is of type D-Bus but no D-Bus service name has been specified. Refusing.";
        return null;
    }

    internal static string Where(UnitSetting s) => s.Line > 0 ? $"{s.Source}:{s.Line}: " : $"{s.Source}: ";
}
