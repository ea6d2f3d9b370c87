using Platform.Abstractions;

namespace Platform.Exec;

/// <summary>
/// How a unit's processes are stopped (systemd.kill(5) plus <c>TimeoutStopSec=</c>); invalid values fall back to the
/// defaults.
/// </summary>
internal sealed record KillSettings
{
    /// <summary><c>KillMode=</c>, default control-group.</summary>
    public KillMode Mode { get; init; } = KillMode.ControlGroup;
    /// <summary><c>KillSignal=</c>, default SIGTERM.</summary>
    public int KillSignal { get; init; } = 15;
    /// <summary><c>SendSIGHUP=</c>, default no.</summary>
    public bool SendSighup { get; init; }
    /// <summary><c>SendSIGKILL=</c>, default yes.</summary>
    public bool SendSigkill { get; init; } = true;
    /// <summary><c>FinalKillSignal=</c>, default SIGKILL.</summary>
    public int FinalKillSignal { get; init; } = 9;
    /// <summary>
    /// <c>TimeoutStopSec=</c> (or <c>TimeoutSec=</c>), default 90 s; <see cref="SystemdValues.Infinity"/> waits
    /// forever.
    /// </summary>
    public TimeSpan StopTimeout { get; init; } = SystemdValues.DefaultTimeout;
    /// <summary>How long to wait after the final signal before giving up on survivors.</summary>
    public TimeSpan FinalTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reads the settings of a unit's [Service] section.</summary>
    public static KillSettings FromUnit(UnitDefinition unit, string section = "Service")
    {
        var s = new KillSettings();
        var mode = unit.Get(section, "KillMode") switch
        {
            "mixed" => KillMode.Mixed,
            "process" => KillMode.Process,
            "none" => KillMode.None,
            _ => KillMode.ControlGroup,
        };
        return s with
        {
            Mode = mode,
            KillSignal = SignalNames.TryParse(unit.Get(section, "KillSignal"), out var kill) ? kill : s.KillSignal,
            SendSighup = unit.GetBool(section, "SendSIGHUP", false),
            SendSigkill = unit.GetBool(section, "SendSIGKILL", true),
            FinalKillSignal = SignalNames.TryParse(unit.Get(section, "FinalKillSignal"), out var final)
                ? final : s.FinalKillSignal,
            StopTimeout = ServiceTimeouts.Stop(unit, section: section),
        };
    }
}
