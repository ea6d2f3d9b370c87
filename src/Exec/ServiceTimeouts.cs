using Platform.Abstractions;

namespace Platform.Exec;

/// <summary>Start and stop timeouts as systemd.service(5) derives them.</summary>
internal static class ServiceTimeouts
{
    /// <summary>
    /// <c>TimeoutStartSec=</c>, else <c>TimeoutSec=</c>, else the manager's <c>DefaultTimeoutStartSec=</c>
    /// (<paramref name="configured"/>; systemd's 90 s when null) — except Type=oneshot, whose start timeout is
    /// disabled by default. 0 means infinity.
    /// </summary>
    public static TimeSpan Start(UnitDefinition unit, TimeSpan? configured = null, string section = "Service")
    {
        var value = unit.GetTimeSpan(section, "TimeoutStartSec") ?? unit.GetTimeSpan(section, "TimeoutSec");
        if (value is null)
            return unit.Get(section, "Type") == "oneshot" ? SystemdValues.Infinity : configured
                ?? SystemdValues.DefaultTimeout;
        return ZeroMeansInfinity(value.Value);
    }

    /// <summary>
    /// <c>TimeoutStopSec=</c>, else <c>TimeoutSec=</c>, else the manager's <c>DefaultTimeoutStopSec=</c>
    /// (<paramref name="configured"/>; systemd's 90 s when null). 0 means infinity.
    /// </summary>
    public static TimeSpan Stop(UnitDefinition unit, TimeSpan? configured = null, string section = "Service")
    {
        var value = unit.GetTimeSpan(section, "TimeoutStopSec") ?? unit.GetTimeSpan(section, "TimeoutSec");
        return value is { } set ? ZeroMeansInfinity(set) : configured ?? SystemdValues.DefaultTimeout;
    }

    /// <summary>
    /// systemd's <c>parse_sec_fix_0()</c>: for these timeouts 0 disables the timeout, like <c>infinity</c>.
    /// </summary>
    public static TimeSpan ZeroMeansInfinity(TimeSpan value) => value == TimeSpan.Zero ? SystemdValues.Infinity : value;
}
