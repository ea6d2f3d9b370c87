using Platform.Abstractions;

namespace Platform.Host.Exec;

/// <summary>Start and stop timeouts as systemd.service(5) derives them.</summary>
public static class ServiceTimeouts
{
    /// <summary>systemd's DefaultTimeoutStartSec and DefaultTimeoutStopSec.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(90);

    /// <summary>
    /// <c>TimeoutStartSec=</c>, else <c>TimeoutSec=</c>, else 90 s — except Type=oneshot, whose start timeout is
    /// disabled by default. 0 means infinity.
    /// </summary>
    public static TimeSpan Start(UnitDefinition unit, string section = "Service")
    {
        var value = unit.GetTimeSpan(section, "TimeoutStartSec") ?? unit.GetTimeSpan(section, "TimeoutSec");
        if (value is null)
            return unit.Get(section, "Type") == "oneshot" ? SystemdValues.Infinity : Default;
        return ZeroMeansInfinity(value.Value);
    }

    /// <summary><c>TimeoutStopSec=</c>, else <c>TimeoutSec=</c>, else 90 s. 0 means infinity.</summary>
    public static TimeSpan Stop(UnitDefinition unit, string section = "Service")
    {
        var value = unit.GetTimeSpan(section, "TimeoutStopSec") ?? unit.GetTimeSpan(section, "TimeoutSec") ?? Default;
        return ZeroMeansInfinity(value);
    }

    /// <summary>
    /// systemd's <c>parse_sec_fix_0()</c>: for these timeouts 0 disables the timeout, like <c>infinity</c>.
    /// </summary>
    public static TimeSpan ZeroMeansInfinity(TimeSpan value) => value == TimeSpan.Zero ? SystemdValues.Infinity : value;
}
