using Platform.Host.Cli;
using Platform.Exec;
using Platform.Host.Lifecycle;
using Platform.Interop;

namespace Platform.Host.Sockets;

/// <summary>
/// Makes a socket holder the reaper of the services it starts while no init of its root is above it. The holder starts
/// each service with a fresh <c>systemctl start</c>; when that process ends, the service's processes are re-parented
/// to the nearest child subreaper, which is then the holder. Reaping them, it sees the real exit status and settles the
/// unit through the same path the init takes (<see cref="UnitManager.MainProcessExitedAsync"/>: ExecStopPost=, result
/// <c>success</c> and <c>inactive</c> for a clean exit, <c>failed</c> otherwise), instead of leaving a record whose
/// main process vanished unseen (which reads <c>failed</c>). Restart= is not applied: that is supervision, the init's
/// job.
/// </summary>
internal sealed class ExitSettler(HostContext ctx)
{
    private UnitManager? _manager;
    // Settling runs ExecStopPost= and takes the unit's lock; off the holder's poll loop, which must keep answering
    // descriptor requests (a restart of the same service asks for them while holding that lock).
    private Task _settling = Task.CompletedTask;
    // The path watcher reaps from its SIGCHLD handler while its loop runs: one reap at a time.
    private readonly Lock _reaping = new();

    /// <summary>
    /// Whether this holder reaps (false when an init of this root is its ancestor: the init supervises then).
    /// </summary>
    public bool Active { get; private set; }

    /// <summary>
    /// Becomes a child subreaper unless the running init of this root is an ancestor of this process.
    /// </summary>
    public void BecomeReaperUnlessInitAbove()
    {
        if (new Init.InitState(ctx).RunningPid() is { } init && IsAncestor(init)) return;
        Active = LibC.BecomeSubreaper() == 0;
    }

    /// <summary>
    /// Reaps every exited child nobody waits for and queues the settling of the units whose main process it was.
    /// </summary>
    public void ReapAndSettle()
    {
        if (!Active) return;
        lock (_reaping) ReapAndQueue();
    }

    private void ReapAndQueue()
    {
        foreach (var (pid, exit) in ZombieReaper.ReapUnowned())
        {
            _manager ??= new UnitManager(ctx);
            var manager = _manager;
            _settling = _settling.ContinueWith(_ => Settle(manager, pid, exit), TaskScheduler.Default);
        }
    }

    private void Settle(UnitManager manager, int pid, Platform.Abstractions.ProcessExit exit)
    {
        try
        {
            if (manager.FindUnitByPid(pid) is { } unit)
                manager.MainProcessExitedAsync(unit, pid, exit, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException
            or InvalidOperationException)
        {
            ctx.Warn($"Failed to settle the process {pid}: {Platform.Abstractions.ErrorText.Describe(e)}");
        }
    }

    private static bool IsAncestor(int pid)
    {
        var current = ProcFs.ParentPid(Environment.ProcessId);
        for (var depth = 0; current is > 0 && depth < 64; depth++)
        {
            if (current == pid) return true;
            current = ProcFs.ParentPid(current.Value);
        }
        return false;
    }
}
