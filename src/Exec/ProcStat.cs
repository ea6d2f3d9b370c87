namespace Platform.Exec;

/// <summary>The fields of <c>/proc/PID/stat</c> the exec engine uses.</summary>
/// <param name="Pid">The process id.</param>
/// <param name="State">The state letter (<c>R S D Z T t X I</c>...).</param>
/// <param name="ParentPid">Field 4, the parent process id.</param>
/// <param name="ProcessGroup">Field 5, the process group id.</param>
/// <param name="Session">Field 6, the session id.</param>
/// <param name="StartTime">Field 22, the start time in clock ticks since boot (with the pid, identifies a process
/// across pid reuse).</param>
internal readonly record struct ProcStat(int Pid, char State, int ParentPid, int ProcessGroup, int Session,
    ulong StartTime)
{
    /// <summary>Whether the process has ended but not been reaped (or is being torn down).</summary>
    public bool IsZombie => State is 'Z' or 'X' or 'x';
}
