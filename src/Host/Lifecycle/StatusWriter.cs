using Platform.Abstractions;
using Platform.Exec;

namespace Platform.Host.Lifecycle;

/// <summary>
/// The state transitions of a unit as they land in the status store. Callers hold the unit's lock; the store
/// writes each record atomically, so a concurrent reader sees the old or the new record, never half of one.
/// </summary>
internal sealed class StatusWriter(IStatusStore store)
{
    public UnitStatus Write(UnitStatus status)
    {
        store.Write(status);
        return status;
    }

    public UnitStatus Activating(UnitStatus previous, string invocationId)
    {
        var now = Clock.NowUsec();
        return Write(previous with
        {
            ActiveState = ActiveState.Activating, SubState = "start", Result = "success",
            MainPid = 0, MainPidStartTime = 0, ControlPid = 0, StatusText = null, StatusErrno = 0,
            InactiveExitTimestamp = now, StateChangeTimestamp = now, InvocationId = invocationId,
            Extra = ChecksPassed(previous, now),
            // Only an automatic restart counts on; a start someone asks for begins the count anew (systemd's
            // flush_n_restarts).
            NRestarts = previous.SubState == "auto-restart" ? previous.NRestarts : 0,
        });
    }

    public UnitStatus Active(UnitStatus status, ServiceStartResult result, IReadOnlyList<int> sessions)
    {
        var now = Clock.NowUsec();
        var main = result.MainPid;
        return Write(status with
        {
            ActiveState = ActiveState.Active, SubState = result.SubState, Result = "success",
            MainPid = main, MainPidStartTime = main > 0 ? ProcFs.StartTime(main) ?? 0 : 0,
            ExecMainPid = main > 0 ? main : status.ExecMainPid,
            ExecMainStartTimestamp = main > 0 ? now : status.ExecMainStartTimestamp,
            ExecMainCode = result.MainExit?.Code ?? 0, ExecMainStatus = result.MainExit?.Status ?? 0,
            ExecMainExitTimestamp = result.MainExit is null ? 0 : now,
            ActiveEnterTimestamp = now, StateChangeTimestamp = now,
            Extra = RuntimeRecord.With(status, RuntimeRecord.Sessions, RuntimeRecord.Join(sessions)),
        });
    }

    /// <summary>A unit without processes (target, socket, ...) that is now active.</summary>
    public UnitStatus ActiveWithoutProcess(UnitStatus previous)
    {
        var now = Clock.NowUsec();
        return Write(previous with
        {
            ActiveState = ActiveState.Active, SubState = "active", Result = "success", MainPid = 0,
            InactiveExitTimestamp = now, ActiveEnterTimestamp = now, StateChangeTimestamp = now,
        });
    }

    /// <summary>A oneshot whose start ran to completion: inactive again, with its main exit recorded.</summary>
    public UnitStatus Finished(UnitStatus status, ProcessExit? exit, string result, IReadOnlyList<int> sessions)
    {
        var now = Clock.NowUsec();
        return Write(status with
        {
            ActiveState = ActiveState.Inactive, SubState = "dead", Result = result, MainPid = 0, MainPidStartTime = 0,
            ExecMainCode = exit?.Code ?? status.ExecMainCode, ExecMainStatus = exit?.Status ?? status.ExecMainStatus,
            ExecMainExitTimestamp = now, ActiveEnterTimestamp = now, ActiveExitTimestamp = now,
            InactiveEnterTimestamp = now, StateChangeTimestamp = now,
            Extra = RuntimeRecord.With(status, RuntimeRecord.Sessions, RuntimeRecord.Join(sessions)),
        });
    }

    public UnitStatus Fail(UnitStatus status, string result, ProcessExit? mainExit)
    {
        var now = Clock.NowUsec();
        return Write(status with
        {
            ActiveState = ActiveState.Failed, SubState = "failed", Result = result, MainPid = 0, MainPidStartTime = 0,
                ControlPid = 0,
            ExecMainCode = mainExit?.Code ?? status.ExecMainCode, ExecMainStatus = mainExit?.Status
                ?? status.ExecMainStatus,
            ExecMainExitTimestamp = mainExit is null ? status.ExecMainExitTimestamp : now,
            ActiveExitTimestamp = status.ActiveState == ActiveState.Active ? now : status.ActiveExitTimestamp,
            InactiveEnterTimestamp = now, StateChangeTimestamp = now,
        });
    }

    public UnitStatus Stopped(UnitStatus status, ProcessExit? mainExit = null)
    {
        var now = Clock.NowUsec();
        return Write(status with
        {
            ActiveState = ActiveState.Inactive, SubState = "dead", MainPid = 0, MainPidStartTime = 0, ControlPid = 0,
            ExecMainCode = mainExit?.Code ?? status.ExecMainCode, ExecMainStatus = mainExit?.Status
                ?? status.ExecMainStatus,
            ExecMainExitTimestamp = mainExit is null ? status.ExecMainExitTimestamp : now,
            ActiveExitTimestamp = now, InactiveEnterTimestamp = now, StateChangeTimestamp = now,
        });
    }

    /// <summary>
    /// A start gets this far only when its conditions and assertions held: show says so, as systemd does.
    /// </summary>
    private static Dictionary<string, string> ChecksPassed(UnitStatus status, long now)
    {
        var extra = WithoutCondition(status);
        var stamp = now.ToString(System.Globalization.CultureInfo.InvariantCulture);
        extra[RuntimeRecord.ConditionResult] = "yes";
        extra[RuntimeRecord.ConditionTimestamp] = stamp;
        extra[RuntimeRecord.AssertResult] = "yes";
        extra[RuntimeRecord.AssertTimestamp] = stamp;
        return extra;
    }

    /// <summary>Adds the control commands a job ran to the unit's record (read back under the same lock).</summary>
    public void AddProcesses(string unit, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0 || store.Read(unit) is not { } current) return;
        Write(current with { Extra = RuntimeRecord.WithProcesses(current, lines) });
    }

    private static Dictionary<string, string> WithoutCondition(UnitStatus status)
    {
        var extra = new Dictionary<string, string>(status.Extra);
        extra.Remove(RuntimeRecord.ConditionResult);
        extra.Remove(RuntimeRecord.Condition);
        extra.Remove(RuntimeRecord.ConditionTimestamp);
        extra.Remove(RuntimeRecord.AssertResult);
        extra.Remove(RuntimeRecord.Assert);
        extra.Remove(RuntimeRecord.AssertTimestamp);
        extra.Remove(RuntimeRecord.Processes);
        extra.Remove(RuntimeRecord.Sessions);
        return extra;
    }

    /// <summary>
    /// A start skipped because a condition failed: not an error, the unit stays inactive and says why (the conditions
    /// not met, a line each).
    /// </summary>
    public UnitStatus Skipped(UnitStatus previous, string condition)
    {
        var now = Clock.NowUsec();
        var extra = RuntimeRecord.With(previous, RuntimeRecord.ConditionResult, "no");
        extra[RuntimeRecord.Condition] = condition;
        extra[RuntimeRecord.ConditionTimestamp] = now.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A skipped start changes no state: a unit that was inactive keeps its timestamp ("inactive (dead)" without
        // "since").
        var changed = previous.ActiveState != ActiveState.Inactive ? now : previous.StateChangeTimestamp;
        return Write(previous with { ActiveState = ActiveState.Inactive, SubState = "dead", Extra = extra,
            StateChangeTimestamp = changed });
    }

    /// <summary>
    /// A start refused by a failed assertion: the job fails but, as in systemd, the unit itself does not change state;
    /// the assertions not met (a line each) are kept for status.
    /// </summary>
    public UnitStatus AssertFailed(UnitStatus previous, string assertions)
    {
        var now = Clock.NowUsec();
        var extra = RuntimeRecord.With(previous, RuntimeRecord.AssertResult, "no");
        extra[RuntimeRecord.Assert] = assertions;
        extra[RuntimeRecord.AssertTimestamp] = now.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Write(previous with { Extra = extra });
    }
}
