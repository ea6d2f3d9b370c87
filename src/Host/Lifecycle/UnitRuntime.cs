using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;

namespace Platform.Host.Lifecycle;

/// <summary>
/// The runtime state of a unit as every command should see it: the stored record, corrected for what the
/// stored record cannot know (a main process that died while no init watched it).
/// </summary>
internal static class UnitRuntime
{
    /// <summary>
    /// The effective status of <paramref name="unit"/> (a full unit name); an inactive record when none is stored.
    /// </summary>
    public static UnitStatus Read(HostContext ctx, string unit)
    {
        var stored = ctx.Store.Read(unit);
        if (stored is null) return CrashRecovery.FromDamagedRecord(ctx, unit) ?? new UnitStatus { Unit = unit };
        return Sockets.SocketRuntime.WithSubState(ctx, Effective(stored));
    }

    /// <summary>
    /// A record that says running but whose main process is gone (checked by PID and start time, so a reused
    /// PID does not count) is reported failed: without an init nobody saw the exit status.
    /// </summary>
    public static UnitStatus Effective(UnitStatus stored)
    {
        // A socket whose holder is gone no longer listens: nobody saw why, as for a main process that died unwatched.
        if (stored.ActiveState is ActiveState.Active && stored.Extra.ContainsKey(Sockets.SocketRuntime.HolderKey)
            && Sockets.SocketRuntime.LiveHolder(stored) is null)
            return stored with { ActiveState = ActiveState.Failed, SubState = "failed", Result = "resources" };
        if (stored.ActiveState is not (ActiveState.Active or ActiveState.Reloading or ActiveState.Deactivating)
            || stored.MainPid <= 0
            || ProcFs.IsAlive(stored.MainPid, stored.MainPidStartTime == 0 ? null : stored.MainPidStartTime))
            return stored;
        return stored with
        {
            ActiveState = ActiveState.Failed,
            SubState = "failed",
            Result = "exit-code",
            MainPid = 0,
        };
    }
}
