using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;
using Platform.Host.Lifecycle.Conditions;
using Platform.Units;

namespace Platform.Host.Lifecycle;

/// <summary>
/// The lifecycle engine for one root and mode. Transactions are planned first (<see cref="JobPlan"/>), then every
/// job runs as its own task that waits for the jobs it is ordered after, so independent units start in parallel.
/// Each job takes the unit's lock, so another systemctl working on the same unit waits instead of racing.
/// </summary>
internal sealed class UnitManager : IUnitManager
{
    private readonly HostContext _ctx;
    private readonly StatusWriter _writer;
    private readonly DependencyGraph _graph;

    public UnitManager(HostContext ctx)
    {
        _ctx = ctx;
        _writer = new StatusWriter(ctx.Store);
        _graph = new DependencyGraph(ctx.Units);
        // Created here, single-threaded: the jobs use them from several threads at once.
        _ = ctx.Config;
        _ = ctx.Plugins;
    }

    public async Task<IReadOnlyList<UnitJobResult>> StartAsync(IReadOnlyList<string> units,
        CancellationToken cancellationToken, bool boot = false)
    {
        var reached = boot ? BootSet.None : BootSet.Reached(_ctx.Units, _graph);
        var plan = JobPlan.ForStart(_ctx.Units, _graph, units, _ctx.Warn, reached);
        var results = new List<UnitJobResult>();
        foreach (var (name, reason) in plan.Refused)
            results.Add(new UnitJobResult(name, JobResult.Refused, $"Failed to start {name}: {reason}"));
        if (plan.Conflicting.Count > 0)
            results.AddRange(await StopAsync(plan.Conflicting.FindAll(IsRunning), cancellationToken)
                .ConfigureAwait(false));
        var jobs = new Dictionary<string, Task<UnitJobResult>>(StringComparer.Ordinal);
        Task<UnitJobResult> Job(string name)
        {
            lock (jobs) return jobs.TryGetValue(name, out var job) ? job : jobs[name] = RunStartJob(name);
        }
        async Task<UnitJobResult> RunStartJob(string name)
        {
            await Task.Yield();
            foreach (var before in plan.WaitsFor[name]) await Job(before).ConfigureAwait(false);
            foreach (var needed in plan.Needs[name])
            {
                if (plan.RequisiteOnly.Contains(needed))
                {
                    if (!IsRunning(needed))
                        return new UnitJobResult(name, JobResult.Dependency, JobMessages.Dependency(name));
                    continue;
                }
                if (jobs.ContainsKey(needed) || plan.Units.ContainsKey(needed))
                {
                    var result = await Job(needed).ConfigureAwait(false);
                    if (result.Result is not (JobResult.Done or JobResult.Skipped))
                        return new UnitJobResult(name, JobResult.Dependency, JobMessages.Dependency(name));
                }
            }
            return await StartOneAsync(plan.Units[name], cancellationToken).ConfigureAwait(false);
        }
        foreach (var name in plan.Units.Keys.ToList()) _ = Job(name);
        List<Task<UnitJobResult>> all;
        lock (jobs) all = [.. jobs.Values];
        results.AddRange(await Task.WhenAll(all).ConfigureAwait(false));
        return results;
    }

    public async Task<IReadOnlyList<UnitJobResult>> StopAsync(IReadOnlyList<string> units,
        CancellationToken cancellationToken)
    {
        var closure = new List<string>();
        var queue = new Queue<string>(units);
        while (queue.Count > 0)
        {
            var name = queue.Dequeue();
            var unit = _ctx.Units.LoadUnit(name);
            if (closure.Contains(unit.Id)) continue;
            closure.Add(unit.Id);
            // Units that require, bind to or are part of a stopping unit stop with it (systemd.unit(5)).
            foreach (var kind in (string[])["Requires", "BindsTo", "PartOf"])
                foreach (var dependent in _graph.Reverse(unit, kind))
                    if (IsRunning(dependent)) queue.Enqueue(dependent);
        }
        return await RunStopPlanAsync(JobPlan.ForStop(_ctx.Units, _graph, closure), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<UnitJobResult>> StopAllAsync(CancellationToken cancellationToken)
    {
        var running = new List<string>();
        foreach (var status in _ctx.Store.List())
            if (status.ActiveState != ActiveState.Inactive && !(status.ActiveState == ActiveState.Failed
                && status.MainPid == 0))
                running.Add(status.Unit);
        return await RunStopPlanAsync(JobPlan.ForStop(_ctx.Units, _graph, running), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<UnitStatus?> MainProcessExitedAsync(string unit, int pid, ProcessExit exit,
        CancellationToken cancellationToken)
    {
        var definition = _ctx.Units.Load(unit);
        UnitStatus settled;
        using (UnitLock.Acquire(_ctx.ManagerRunDirectory, unit, LockTimeout(definition)))
        {
            var status = _ctx.Store.Read(unit);
            if (status is null || status.MainPid != pid) return null;
            settled = await new ServiceStopper(_ctx, _writer)
                .MainExitedAsync(definition, status, exit, cancellationToken).ConfigureAwait(false);
        }
        if (settled.ActiveState is ActiveState.Inactive or ActiveState.Failed)
        {
            var bound = _graph.Reverse(_ctx.Units.LoadUnit(unit), "BindsTo").Where(IsRunning).ToList();
            if (bound.Count > 0) await StopAsync(bound, cancellationToken).ConfigureAwait(false);
        }
        return settled;
    }

    public string? FindUnitByPid(int pid)
    {
        foreach (var status in _ctx.Store.List())
            if (status.MainPid == pid || status.ControlPid == pid) return status.Unit;
        return null;
    }

    /// <summary>
    /// Starts one unit that the caller planned (dependencies are its business): lock, conditions, start.
    /// </summary>
    public async Task<UnitJobResult> StartOneAsync(UnitDefinition unit, CancellationToken cancellationToken)
    {
        var name = unit.Name;
        if (unit.LoadState == UnitLoadState.Masked)
            return new UnitJobResult(name, JobResult.Failed, $"Failed to start {name}: Unit {name} is masked.");
        if (JobMessages.NotStartable(name, unit) is { } why)
            return new UnitJobResult(name, JobResult.Failed, $"Failed to start {name}: {why}");
        if (unit.LoadState != UnitLoadState.Loaded)
            return new UnitJobResult(name, JobResult.Failed, $"Failed to start {name}: Unit {name} not found.");
        using var held = UnitLock.Acquire(_ctx.ManagerRunDirectory, name, LockTimeout(unit));
        var previous = await CrashRecovery.SettleAsync(_ctx, _writer, unit, cancellationToken).ConfigureAwait(false);
        if (previous.ActiveState is ActiveState.Active or ActiveState.Reloading
            || previous.ActiveState == ActiveState.Activating && previous.SubState != "auto-restart")
            return new UnitJobResult(name, JobResult.Done);
        var conditions = new ConditionCheck(_ctx.Under);
        if (conditions.Failures(unit, "Condition") is { Count: > 0 } failed)
        {
            _writer.Skipped(previous, string.Join('\n', failed));
            return new UnitJobResult(name, JobResult.Skipped);
        }
        if (conditions.Failures(unit, "Assert") is { Count: > 0 } assertions)
        {
            _writer.AssertFailed(previous, string.Join('\n', assertions));
            return new UnitJobResult(name, JobResult.Assert, JobMessages.Assert(name));
        }
        if (unit.Kind == "timer")
        {
            Timers.TimerStart.Start(_ctx, _writer, unit, previous);
            return new UnitJobResult(name, JobResult.Done);
        }
        if (unit.Kind == "socket")
            return await new Sockets.SocketJobs(_ctx, _writer).StartAsync(unit, previous, cancellationToken)
            .ConfigureAwait(false);
        if (unit.Kind == "path")
        {
            Paths.PathStart.Start(_ctx, _writer, unit, previous);
            return new UnitJobResult(name, JobResult.Done);
        }
        if (unit.Kind != "service")
        {
            _writer.ActiveWithoutProcess(previous);
            if (unit.Kind == "target")
                ManagerLog.Write(_ctx, unit, ManagerLog.Info, $"Reached target {ManagerLog.Combined(unit)}.");
            return new UnitJobResult(name, JobResult.Done);
        }
        return await new ServiceStarter(_ctx, _writer).StartAsync(unit, previous, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Stops one unit (no propagation): lock, ExecStop, kill, record.</summary>
    public async Task<UnitJobResult> StopOneAsync(UnitDefinition unit, CancellationToken cancellationToken)
    {
        using var held = UnitLock.Acquire(_ctx.ManagerRunDirectory, unit.Name, LockTimeout(unit));
        var status = await CrashRecovery.SettleAsync(_ctx, _writer, unit, cancellationToken).ConfigureAwait(false);
        if (unit.Kind == "socket")
            return await new Sockets.SocketJobs(_ctx, _writer).StopAsync(unit, status, cancellationToken)
            .ConfigureAwait(false);
        if (unit.Kind != "service")
        {
            if (unit.Kind == "path") Paths.PathStop.EndWatcher(_ctx, status);
            if (status.ActiveState != ActiveState.Inactive) _writer.Stopped(status);
            return new UnitJobResult(unit.Name, JobResult.Done);
        }
        return await new ServiceStopper(_ctx, _writer).StopAsync(unit, status, cancellationToken).ConfigureAwait(false);
    }

    public bool IsRunning(string unit)
        => UnitRuntime.Read(_ctx, unit).ActiveState is ActiveState.Active or ActiveState.Activating
            or ActiveState.Reloading or ActiveState.Deactivating;

    private async Task<IReadOnlyList<UnitJobResult>> RunStopPlanAsync(JobPlan plan, CancellationToken cancellationToken)
    {
        var jobs = new Dictionary<string, Task<UnitJobResult>>(StringComparer.Ordinal);
        Task<UnitJobResult> Job(string name)
        {
            lock (jobs) return jobs.TryGetValue(name, out var job) ? job : jobs[name] = Run(name);
        }
        async Task<UnitJobResult> Run(string name)
        {
            await Task.Yield();
            foreach (var later in plan.WaitsFor[name]) await Job(later).ConfigureAwait(false);
            return await StopOneAsync(plan.Units[name], cancellationToken).ConfigureAwait(false);
        }
        foreach (var name in plan.Units.Keys.ToList()) _ = Job(name);
        List<Task<UnitJobResult>> all;
        lock (jobs) all = [.. jobs.Values];
        return await Task.WhenAll(all).ConfigureAwait(false);
    }

    /// <summary>Long enough for another systemctl to finish its start and stop of the unit.</summary>
    private TimeSpan LockTimeout(UnitDefinition unit)
    {
        var start = ServiceLaunch.StartTimeout(_ctx, unit);
        var stop = ServiceLaunch.StopTimeout(_ctx, unit);
        var total = Deadline.Sum(start, stop, stop, TimeSpan.FromSeconds(5));
        return Deadline.IsInfinite(total) ? TimeSpan.FromDays(1) : total;
    }
}
