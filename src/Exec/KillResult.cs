namespace Platform.Exec;

/// <summary>How a stop went.</summary>
internal enum KillResult
{
    /// <summary>No process of the unit was running (or KillMode=none).</summary>
    NothingToKill,
    /// <summary>Every waited-for process exited after KillSignal= within the stop timeout.</summary>
    Exited,
    /// <summary>
    /// The stop timeout passed and FinalKillSignal= had to be sent; all are gone now (systemd records result
    /// <c>timeout</c>).
    /// </summary>
    Killed,
    /// <summary>Processes survived (SendSIGKILL=no, or they ignored even the final signal).</summary>
    StillAlive,
}
