using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;
using Platform.Interop;

namespace Platform.Host.Lifecycle;

/// <summary>
/// <c>start --wait</c>: stays until the started units are inactive or failed again. Made a subreaper before the
/// start, this systemctl inherits the services' main processes, so it sees their real exit statuses and settles
/// each unit (ExecStopPost=, result) as the init would.
/// </summary>
internal static class UnitWaiter
{
    /// <summary>Call before starting the units, so their processes stay below this process.</summary>
    public static void Prepare() => LibC.BecomeSubreaper();

    /// <summary>Waits for every unit to end; exit 1 when one of them failed.</summary>
    public static int Wait(HostContext ctx, UnitManager manager, IReadOnlyList<string> units)
    {
        var ids = units.Select(u => ctx.Units.LoadUnit(u).Id).ToList();
        while (true)
        {
            foreach (var (pid, exit) in ZombieReaper.ReapUnowned())
                if (manager.FindUnitByPid(pid) is { } unit)
                    manager.MainProcessExitedAsync(unit, pid, exit, CancellationToken.None).GetAwaiter().GetResult();
            // The stored state, not UnitRuntime's view: an exited main process is a zombie of ours until the next
            // reap, and must be settled with its real status rather than guessed failed.
            var states = ids.Select(u => ctx.Store.Read(u)?.ActiveState ?? ActiveState.Inactive).ToList();
            if (states.All(s => s is ActiveState.Inactive or ActiveState.Failed))
                return states.Contains(ActiveState.Failed) ? ExitCodes.Failure : ExitCodes.Success;
            Thread.Sleep(50);
        }
    }
}
