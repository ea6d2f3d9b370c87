using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;

namespace Platform.Host.Lifecycle;

/// <summary>
/// Starts one service (the caller holds its lock): ExecStartPre=, the service type's start (ExecStart= and
/// readiness), ExecStartPost=, then records the result. A failure ends the processes it started and runs ExecStopPost=.
/// </summary>
internal sealed class ServiceStarter(HostContext ctx, StatusWriter writer)
{
    public async Task<UnitJobResult> StartAsync(UnitDefinition unit, UnitStatus previous, CancellationToken ct)
    {
        var name = unit.Name;
        var typeName = unit.Get("Service", "Type") ?? (unit.Get("Service", "BusName") is { Length: > 0 } ? "dbus"
            : unit.GetList("Service", "ExecStart").Count == 0 ? "oneshot" : "simple");
        if (typeName == "notify-reload") typeName = "notify";
        // Without systemd nothing watches the bus for the name to appear: a D-Bus service counts as started once
        // spawned, as Type=simple does (README, deliberate differences).
        if (typeName == "dbus") typeName = "simple";
        var type = ctx.Plugins.Get<IServiceType>(PluginKind.ServiceType, typeName);
        if (type is null && unit.Settings.LastOrDefault(s => s.Section == "Service" && s.Key == "Type") is { } setting)
        {
            // systemd ignores an unparsable Type= (with this warning) and keeps the default; so do we, unless no
            // plugin provides even that.
            ctx.Warn($"{setting.Source}:{setting.Line}: Failed to parse service type, ignoring: {typeName}");
            typeName = unit.GetList("Service", "ExecStart").Count == 0 ? "oneshot" : "simple";
            type = ctx.Plugins.Get<IServiceType>(PluginKind.ServiceType, typeName);
        }
        if (type is null)
        {
            writer.Fail(previous, "resources", null);
            return new UnitJobResult(name, JobResult.Failed,
                $"Unit {name} has unknown service type Type={typeName} (see 'systemctl list-plugins').");
        }
        var invocation = Guid.NewGuid().ToString("N");
        UnitLock.WriteInvocation(ctx.ManagerRunDirectory, name, invocation);
        var status = writer.Activating(previous, invocation);
        var combined = ManagerLog.Combined(unit);
        // Each spawned process is on record before anything waits for it: a starter killed while waiting for
        // readiness leaves a record a later call can settle (CrashRecovery).
        var recorded = status;
        void Spawned(IReadOnlyList<int> sessions)
            => recorded = writer.Write(recorded with { Extra = RuntimeRecord.With(recorded, RuntimeRecord.Sessions,
                RuntimeRecord.Join(sessions)) });
        string? statusText = null;
        INotifyEndpoint? notify = null;
        ServiceLaunch? launch = null;
        using var sockets = Sockets.SocketActivation.Collect(ctx, unit);
        try
        {
            UnitDirectories.Create(unit, ctx.Under);
            if (type.NeedsNotify) notify = NotifyEndpoints.Create(ctx, unit);
            launch = ServiceLaunch.Create(ctx, unit, invocation, notify, null, t => statusText = t, Spawned, sockets);
            // After the launch: it starts the log pump when none runs yet, and the line must reach it.
            ManagerLog.Write(ctx, unit, ManagerLog.Info, $"Starting {combined}...", invocation);
            var context = launch.Context;
            var pre = await ControlCommands.RunAsync(context, "ExecStartPre", null, ct).ConfigureAwait(false);
            if (pre is { } preFailure)
                return await FailAsync(unit, status, launch,
                    ServiceStartResult.Failed(preFailure.FailureResult, "ExecStartPre failed", preFailure), ct)
                    .ConfigureAwait(false);
            var result = await context.StartAsync(type, ct).ConfigureAwait(false);
            statusText ??= context.StatusText;
            if (!result.Success)
                return await FailAsync(unit, status with { StatusText = statusText }, launch, result, ct)
                .ConfigureAwait(false);
            if (result.SubState == "failed")
            {
                await FailAsync(unit, status, launch, result with { Success = false }, ct).ConfigureAwait(false);
                return new UnitJobResult(name, JobResult.Done);
            }
            var post = await ControlCommands.RunAsync(context, "ExecStartPost",
                result.MainPid == 0 ? null : result.MainPid, ct).ConfigureAwait(false);
            if (post is { } postFailure)
                return await FailAsync(unit, status, launch,
                    ServiceStartResult.Failed(postFailure.FailureResult, "ExecStartPost failed", postFailure,
                    result.MainPid), ct).ConfigureAwait(false);
            var sessions = context.Sessions;
            if (result.SubState == "dead")
            {
                // Nothing left running and no RemainAfterExit= (a oneshot, a forking service whose processes all
                // ended): the unit goes straight through the stop state (ExecStop=, ExecStopPost=) to inactive, and a
                // failing ExecStop= fails the unit and the job, as systemd's service_enter_running ->
                // service_enter_stop.
                var stop = await ControlCommands.RunAsync(context, "ExecStop", null, ct).ConfigureAwait(false);
                await ControlCommands.RunAsync(context, "ExecStopPost", null, ct, stopOnFailure: false)
                    .ConfigureAwait(false);
                if (stop is { } stopFailure)
                {
                    ManagerLog.Ended(ctx, unit, stopFailure.FailureResult, invocation);
                    ManagerLog.Write(ctx, unit, ManagerLog.Err, $"Failed to start {combined}.", invocation);
                    writer.Fail(status with { ExecMainPid = status.ExecMainPid }, stopFailure.FailureResult,
                        result.MainExit);
                    return new UnitJobResult(name, JobResult.Failed,
                        JobMessages.ForResult(name, stopFailure.FailureResult));
                }
                ManagerLog.Ended(ctx, unit, "success", invocation);
                ManagerLog.Write(ctx, unit, ManagerLog.Info, $"Finished {combined}.", invocation);
                writer.Finished(status, result.MainExit, "success", sessions);
                return new UnitJobResult(name, JobResult.Done);
            }
            writer.Active(status with { StatusText = statusText ?? status.StatusText, NotifySocket = notify?.Address },
                result, sessions);
            ManagerLog.Write(ctx, unit, ManagerLog.Info, $"Started {combined}.", invocation);
            return new UnitJobResult(name, JobResult.Done);
        }
        catch (ServiceStartException e)
        {
            if (launch is null)
            {
                // Such as a missing EnvironmentFile=: systemd's result is "resources"; the reason goes to -v output.
                writer.Fail(status, "resources", null);
                if (ctx.Options.Verbosity > 0) ctx.Err.WriteLine($"{name}: {ErrorText.Describe(e)}");
                return new UnitJobResult(name, JobResult.Failed, JobMessages.ForResult(name, "resources"));
            }
            return await FailAsync(unit, status, launch, ServiceStartResult.Failed("resources", ErrorText.Describe(e)),
                ct).ConfigureAwait(false);
        }
        finally
        {
            if (launch is not null) writer.AddProcesses(name, launch.Context.ControlLines);
            launch?.Dispose();
            if (launch is null) notify?.Dispose();
        }
    }

    /// <summary>A failed start: end what it left running, run ExecStopPost=, record the failure.</summary>
    private async Task<UnitJobResult> FailAsync(UnitDefinition unit, UnitStatus status, ServiceLaunch launch,
        ServiceStartResult result, CancellationToken ct)
    {
        var sessions = launch.Context.Sessions;
        var settings = KillSettings.FromUnit(unit) with { StopTimeout = ServiceLaunch.StopTimeout(ctx, unit) };
        if (settings.Mode == KillMode.None) settings = settings with { Mode = KillMode.ControlGroup };
        await ProcessKiller.StopAsync(new KillTarget(result.MainPid, null, sessions,
            UnitControlGroup.Existing(ctx, unit), status.InvocationId), settings, null, ct)
            .ConfigureAwait(false);
        await ControlCommands.RunAsync(launch.Context, "ExecStopPost", null, ct, stopOnFailure: false)
            .ConfigureAwait(false);
        UnitControlGroup.Release(ctx, unit);
        if (!unit.GetBool("Service", "RuntimeDirectoryPreserve", false))
            UnitDirectories.Remove(unit, ctx.Under, ["runtime"]);
        if (result.MainExit is { } exit && result.Result != "timeout")
            ManagerLog.MainExited(ctx, unit, exit, status.InvocationId);
        ManagerLog.Ended(ctx, unit, result.Result, status.InvocationId);
        ManagerLog.Write(ctx, unit, ManagerLog.Err, $"Failed to start {ManagerLog.Combined(unit)}.",
            status.InvocationId);
        writer.Fail(status with { ExecMainPid = result.MainPid == 0 ? status.ExecMainPid : result.MainPid },
            result.Result, result.MainExit);
        if (result.Message is { Length: > 0 } message && ctx.Options.Verbosity > 0)
            ctx.Err.WriteLine($"{unit.Name}: {message}");
        return new UnitJobResult(unit.Name, result.Result == "timeout" ? JobResult.Timeout : JobResult.Failed,
            JobMessages.ForResult(unit.Name, result.Result));
    }
}
