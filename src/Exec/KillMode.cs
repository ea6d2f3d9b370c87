namespace Platform.Exec;

/// <summary>
/// <c>KillMode=</c> (systemd.kill(5)), applied to the unit's session(s) and the main process's descendants instead of a
/// cgroup.
/// </summary>
internal enum KillMode
{
    /// <summary>Every remaining process of the unit gets the signals.</summary>
    ControlGroup,
    /// <summary>KillSignal= to the main process; the final SIGKILL to every remaining process.</summary>
    Mixed,
    /// <summary>Only the main process.</summary>
    Process,
    /// <summary>No process is signalled.</summary>
    None,
}
