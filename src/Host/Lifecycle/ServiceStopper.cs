using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;

namespace Platform.Host.Lifecycle;

/// <summary>
/// Stops one service (the caller holds its lock): ExecStop= with $MAINPID, then the kill escalation of
/// systemd.kill(5) over the unit's sessions, then ExecStopPost=, then the RuntimeDirectory= goes.
/// Also settles a service whose main process exited on its own (init reaped it).
/// </summary>
internal sealed class ServiceStopper(HostContext ctx, StatusWriter writer)
{
    private List<string> _controlLines = [];

    public async Task<UnitJobResult> StopAsync(UnitDefinition unit, UnitStatus status, CancellationToken ct)
    {
        if (status.ActiveState is ActiveState.Inactive or ActiveState.Failed && !HasProcesses(status))
            return new UnitJobResult(unit.Name, JobResult.Done);
        var deactivating = writer.Write(status with { ActiveState = ActiveState.Deactivating, SubState = "stop",
            StateChangeTimestamp = Clock.NowUsec() });
        ManagerLog.Write(ctx, unit, ManagerLog.Info, $"Stopping {ManagerLog.Combined(unit)}...", status.InvocationId);
        var outcome = await EndAsync(unit, deactivating, runExecStop: true, ct).ConfigureAwait(false);
        var result = outcome.Result == KillResult.Killed ? "timeout" : "success";
        ManagerLog.Ended(ctx, unit, result, status.InvocationId);
        ManagerLog.Write(ctx, unit, ManagerLog.Info, $"Stopped {ManagerLog.Combined(unit)}.", status.InvocationId);
        if (result == "timeout") writer.Fail(deactivating, "timeout", null);
        else writer.Stopped(deactivating);
        writer.AddProcesses(unit.Name, _controlLines);
        return new UnitJobResult(unit.Name, JobResult.Done);
    }

    /// <summary>
    /// The main process exited by itself: record the exit, run ExecStop=/ExecStopPost= and end what is left; the unit
    /// is inactive when the exit counts as success (SuccessExitStatus=), failed otherwise.
    /// </summary>
    public async Task<UnitStatus> MainExitedAsync(UnitDefinition unit, UnitStatus status, ProcessExit exit,
        CancellationToken ct)
    {
        var now = Clock.NowUsec();
        status = writer.Write(status with
        {
            ExecMainCode = exit.Code, ExecMainStatus = exit.Status, ExecMainExitTimestamp = now, MainPid = 0,
                MainPidStartTime = 0,
        });
        var success = ExitJudgement.IsSuccess(unit, exit);
        ManagerLog.MainExited(ctx, unit, exit, status.InvocationId);
        if (unit.GetBool("Service", "RemainAfterExit", false) && success)
            return writer.Write(status with { SubState = "exited", StateChangeTimestamp = now });
        await EndAsync(unit, status, runExecStop: status.ActiveState == ActiveState.Active, ct).ConfigureAwait(false);
        ManagerLog.Ended(ctx, unit, success ? "success" : exit.FailureResult, status.InvocationId);
        var settled = success ? writer.Stopped(status, exit) : writer.Fail(status, exit.FailureResult, exit);
        if (_controlLines.Count == 0) return settled;
        writer.AddProcesses(unit.Name, _controlLines);
        return ctx.Store.Read(unit.Name) ?? settled;
    }

    private async Task<KillOutcome> EndAsync(UnitDefinition unit, UnitStatus status, bool runExecStop,
        CancellationToken ct)
    {
        var sessions = RuntimeRecord.ReadSessions(status);
        var main = status.MainPid;
        ServiceLaunch? launch = null;
        // Settings that broke since the start (a removed EnvironmentFile=) must not keep the service from stopping.
        try
        {
            launch = ServiceLaunch.Create(ctx, unit, status.InvocationId ?? Guid.NewGuid().ToString("N"), null,
                main > 0 ? main : null, null);
        }
        catch (ServiceStartException e)
        {
            ctx.Warn($"{unit.Name}: {ErrorText.Describe(e)}; skipping ExecStop=/ExecStopPost=");
        }
        using var owned = launch;
        var stopTimeout = ServiceLaunch.StopTimeout(ctx, unit);
        if (launch is not null && runExecStop && status.ActiveState is not ActiveState.Failed)
        {
            using var limit = Deadline.Source(stopTimeout, ct);
            try
            {
                await ControlCommands.RunAsync(launch.Context, "ExecStop", main > 0 ? main : null, limit.Token,
                    stopOnFailure: false).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
        }
        var settings = KillSettings.FromUnit(unit) with { StopTimeout = stopTimeout };
        var outcome = await ProcessKiller.StopAsync(new KillTarget(main,
            status.MainPidStartTime == 0 ? null : status.MainPidStartTime, sessions,
            UnitControlGroup.Existing(ctx, unit), status.InvocationId), settings, null, ct).ConfigureAwait(false);
        if (launch is not null)
        {
            using var limit = Deadline.Source(stopTimeout, ct);
            try
            {
                await ControlCommands.RunAsync(launch.Context, "ExecStopPost", null, limit.Token, stopOnFailure: false)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
        }
        if (!unit.GetBool("Service", "RuntimeDirectoryPreserve", false))
            UnitDirectories.Remove(unit, ctx.Under, ["runtime"]);
        UnitControlGroup.Release(ctx, unit);
        if (launch is not null) _controlLines = [.. launch.Context.ControlLines];
        return outcome;
    }

    private static bool HasProcesses(UnitStatus status)
        => status.MainPid > 0 && ProcFs.IsAlive(status.MainPid,
            status.MainPidStartTime == 0 ? null : status.MainPidStartTime);
}
