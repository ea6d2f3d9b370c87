namespace Platform.Exec;

/// <summary>
/// Who may move a unit's main process with <c>MAINPID=</c>, after systemd 252 (service_is_suitable_main_pid and
/// service_notify_message): anyone allowed to notify may name one of the unit's own processes; only root may name a
/// process outside the unit (otherwise a service user could make the next <c>stop</c> kill any process of the
/// machine). PID 1, the manager itself and pids that do not exist are never accepted.
/// </summary>
internal static class MainPidRule
{
    /// <summary>
    /// Null when <paramref name="pid"/> may become the main process; otherwise the line that says why not.
    /// </summary>
    public static string? Refusal(int pid, int currentMain, IReadOnlyList<int>? sessions, int senderPid, int senderUid)
    {
        if (pid == Environment.ProcessId) return $"New main PID {pid} is the manager itself, refusing.";
        if (pid <= 1) return $"New main PID {pid} is the init process, refusing.";
        if (!ProcFs.IsAlive(pid)) return $"New main PID {pid} does not exist or is a zombie.";
        if (pid == currentMain || UnitProcesses.Find(currentMain, sessions).Contains(pid)) return null;
        // The kernel vouches for the sender's uid (SCM_CREDENTIALS); a transport without credentials says -1.
        if (senderUid == 0) return null;
        return $"New main PID {pid} does not belong to service, and PID {senderPid} is not owned by root. Refusing.";
    }
}
