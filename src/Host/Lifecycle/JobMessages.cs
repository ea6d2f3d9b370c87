using Platform.Abstractions;
using Platform.Units;

namespace Platform.Host.Lifecycle;

/// <summary>The lines systemctl prints when a job fails, worded as systemd 252 words them per service result.</summary>
internal static class JobMessages
{
    public static string ForResult(string unit, string result)
    {
        var reason = result switch
        {
            "exit-code" => " because the control process exited with error code",
            "timeout" => " because a timeout was exceeded",
            "signal" => " because a fatal signal was delivered to the control process",
            "core-dump" => " because a fatal signal was delivered causing the control process to dump core",
            "start-limit-hit" => " because the service was attempted to be started too often",
            "resources" => " because of unavailable resources or another system error",
            "watchdog" => " because the watchdog timed out",
            "protocol" => " because the service did not take the steps required by its unit configuration",
            _ => "",
        };
        return $"Job for {unit} failed{reason}.\n"
            + $"See \"systemctl status {unit}\" and \"journalctl -xeu {unit}\" for details.";
    }

    public static string Dependency(string unit)
        => $"A dependency job for {unit} failed. See 'journalctl -xe' for details.";

    public static string Assert(string unit) => $"Assertion failed on job for {unit}.";

    /// <summary>
    /// Why systemd's manager refuses a start job for this unit before it runs (systemd 252 manager_load_unit_prepare
    /// and bus_unit_validate_load_state), or null. Checked under the requested name: a unit loaded through a broken
    /// alias has another id, and its failure must still reach the caller's exit code.
    /// </summary>
    public static string? NotStartable(string name, UnitDefinition unit)
    {
        if (UnitNames.IsTemplate(name)) return $"Unit name {name} is missing the instance name.";
        return unit.LoadState switch
        {
            UnitLoadState.Error =>
                $"Unit {name} failed to load properly, please adjust/correct and reload service manager: "
                + $"{LoadErrorReason(unit.LoadError)}",
            UnitLoadState.BadSetting =>
                $"Unit {name} has a bad unit file setting.\nSee system logs and 'systemctl status {name}' for details.",
            _ => null,
        };
    }

    /// <summary>
    /// systemd prints the errno text (strerror) of the load failure: the last part of our "Failed to load X: reason".
    /// </summary>
    private static string LoadErrorReason(string? error)
    {
        if (string.IsNullOrEmpty(error)) return "Input/output error";
        var colon = error.LastIndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? error : error[(colon + 2)..];
    }
}
