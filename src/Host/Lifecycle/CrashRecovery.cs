using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;

namespace Platform.Host.Lifecycle;

/// <summary>
/// Crash recovery of jobs and records (README, "Crash recovery"). Every start and stop runs under the unit's flock and
/// settles the record before letting go, so a record that still says <c>activating</c> (sub-state <c>start</c>) or
/// <c>deactivating</c> (sub-state <c>stop</c>) when the next job gets the lock was left by a systemctl that was killed
/// mid-job. The next job cancels it as systemd cancels a start job with a stop: its processes are stopped with the kill
/// escalation and the unit is inactive, then the new job runs. The processes are never adopted: the starter that could
/// have seen READY=1 is gone, so a later <c>start</c> kills the half-started copy and starts afresh, never running two,
/// and a later <c>stop</c> leaves nothing running. The processes are the ones the
/// record lists (recorded at spawn, before readiness) plus every process carrying the start's INVOCATION_ID
/// (<see cref="UnitLock.WriteInvocation"/>), which also covers a starter killed between spawning and recording.
/// A damaged record (does not parse) is rebuilt from that process scan: running processes make the unit active again.
/// </summary>
internal static class CrashRecovery
{
    private static readonly HashSet<string> Warned = new(StringComparer.Ordinal);

    /// <summary>
    /// The record of a unit whose stored record is damaged, rebuilt from the process table (with one warning line per
    /// process and unit); null when the record is absent or fine. Read-only: callers holding the lock store it.
    /// </summary>
    public static UnitStatus? FromDamagedRecord(HostContext ctx, string unit)
    {
        if (ctx.Store is not IDamageReportingStatusStore store || !store.IsDamaged(unit)) return null;
        lock (Warned)
            if (Warned.Add(unit))
                ctx.Warn($"Warning: status record of {unit} is damaged, recovering from the process table.");
        var invocation = UnitLock.ReadInvocation(ctx.ManagerRunDirectory, unit);
        var pids = invocation is null ? [] : ProcFs.WithEnvironmentEntry("INVOCATION_ID=" + invocation);
        if (pids.Count == 0) return new UnitStatus { Unit = unit, InvocationId = invocation };
        var main = MainPidGuess.Guess(pids) ?? 0;
        var now = Clock.NowUsec();
        var status = new UnitStatus { Unit = unit, InvocationId = invocation };
        return status with
        {
            ActiveState = ActiveState.Active, SubState = "running", Result = "success",
            MainPid = main, MainPidStartTime = main > 0 ? ProcFs.StartTime(main) ?? 0 : 0, ExecMainPid = main,
            ActiveEnterTimestamp = now, StateChangeTimestamp = now,
            Extra = RuntimeRecord.With(status, RuntimeRecord.Sessions, RuntimeRecord.Join(Sessions(pids))),
        };
    }

    /// <summary>
    /// The unit's record for a job that holds its lock, with an interrupted job or a damaged record settled first.
    /// </summary>
    public static async Task<UnitStatus> SettleAsync(HostContext ctx, StatusWriter writer, UnitDefinition unit,
        CancellationToken ct)
    {
        var stored = ctx.Store.Read(unit.Name);
        if (stored is null)
            return FromDamagedRecord(ctx, unit.Name) is { } rebuilt
                ? UnitRuntime.Effective(writer.Write(rebuilt)) : new UnitStatus { Unit = unit.Name };
        var interrupted = (stored.ActiveState, stored.SubState) is (ActiveState.Activating, "start")
            or (ActiveState.Deactivating, "stop");
        if (!interrupted) return UnitRuntime.Effective(stored);
        var sessions = new List<int>(RuntimeRecord.ReadSessions(stored));
        var invocation = stored.InvocationId ?? UnitLock.ReadInvocation(ctx.ManagerRunDirectory, unit.Name);
        if (invocation is not null)
            foreach (var sid in Sessions(ProcFs.WithEnvironmentEntry("INVOCATION_ID=" + invocation)))
                if (!sessions.Contains(sid)) sessions.Add(sid);
        // Whatever KillMode= says, a half-done job leaves nothing behind (as a failed start does).
        var settings = KillSettings.FromUnit(unit) with { StopTimeout = ServiceLaunch.StopTimeout(ctx, unit),
            Mode = KillMode.ControlGroup };
        var trace = ctx.Options.Verbosity > 0 ? (Action<string>)(m => ctx.Err.WriteLine($"{unit.Name}: {m}")) : null;
        trace?.Invoke(
            $"The systemctl {(stored.ActiveState == ActiveState.Activating ? "starting" : "stopping")} it was killed; "
            + $"stopping its processes");
        await ProcessKiller.StopAsync(new KillTarget(stored.MainPid,
            stored.MainPidStartTime == 0 ? null : stored.MainPidStartTime, sessions,
            UnitControlGroup.Existing(ctx, unit), invocation), settings, trace, ct).ConfigureAwait(false);
        UnitControlGroup.Release(ctx, unit);
        return writer.Stopped(stored with { Extra = RuntimeRecord.With(stored, RuntimeRecord.Sessions, null) });
    }

    /// <summary>
    /// The sessions the scanned processes run in (each spawned process leads its own), never ours or the kernel's.
    /// </summary>
    private static List<int> Sessions(List<int> pids)
    {
        var own = ProcFs.SessionId(Environment.ProcessId) ?? -1;
        var sessions = new List<int>();
        foreach (var pid in pids)
            if (ProcFs.SessionId(pid) is { } sid && sid > 1 && sid != own && !sessions.Contains(sid)) sessions.Add(sid);
        return sessions;
    }
}
