using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Lifecycle;
using Platform.Units;

namespace Platform.Host.Commands.Lifecycle;

/// <summary>
/// Runtime commands: start, stop, restart, reload, kill, reset-failed, is-active, is-failed, status, clean.
/// </summary>
internal static class LifecycleCommands
{
    public static int Run(HostContext ctx, string verb)
    {
        try { return RunVerb(ctx, verb); }
        catch (UnauthorizedAccessException) when (verb is not ("is-active" or "is-failed" or "status"))
        {
            // The caller may not take the unit's lock or write its record: where systemd's manager refuses the job
            // (D-Bus policy without polkit, as in a container) systemctl prints "Access denied" and exits 4.
            return AccessDenied(ctx, verb, ctx.Options.Arguments);
        }
    }

    private static int AccessDenied(HostContext ctx, string verb, List<string> args)
    {
        var what = verb switch
        {
            "kill" => "kill unit",
            "reset-failed" => "reset failed state of unit",
            "clean" => "clean unit",
            "condrestart" => "try-restart",
            "force-reload" => "try-reload-or-restart",
            _ => verb,
        };
        foreach (var arg in args.Count == 0 ? ["*"] : args)
        {
            var name = UnitPatterns.IsGlob(arg) ? arg : UnitNames.NormalizeName(arg);
            ctx.Err.WriteLine($"Failed to {what} {name}: Access denied");
            if (verb is not ("kill" or "reset-failed" or "clean"))
                ctx.Err.WriteLine(
                    $"See system logs and 'systemctl{(ctx.Options.UserMode ? " --user" : "")} status {name}' for "
                    + $"details.");
        }
        return ExitCodes.NoPermission;
    }

    private static int RunVerb(HostContext ctx, string verb)
    {
        var args = ctx.Options.Arguments;
        if (args.Count == 0 && verb is not ("status" or "reset-failed"))
        {
            ctx.Err.WriteLine("Too few arguments.");
            return ExitCodes.Failure;
        }
        return verb switch
        {
            "start" => StartOrStop(ctx, "start", Names(ctx, args)),
            "stop" => StartOrStop(ctx, "stop", Names(ctx, args)),
            "restart" => Restart(ctx, verb, Names(ctx, args), onlyIfActive: false, reloadFirst: false),
            "try-restart" or "condrestart" =>
                Restart(ctx, verb, Names(ctx, args), onlyIfActive: true, reloadFirst: false),
            "reload-or-restart" => Restart(ctx, verb, Names(ctx, args), onlyIfActive: false, reloadFirst: true),
            "reload-or-try-restart" or "try-reload-or-restart" or "force-reload" =>
                Restart(ctx, verb, Names(ctx, args), onlyIfActive: true, reloadFirst: true),
            "reload" => ReloadCommand.Run(ctx, Names(ctx, args)),
            "kill" => KillCommand.Run(ctx, Names(ctx, args)),
            "reset-failed" => ResetFailed(ctx, args.Count == 0 ? null : Names(ctx, args)),
            "is-active" => StateQuery.IsActive(ctx, Names(ctx, args)),
            "is-failed" => StateQuery.IsFailed(ctx, Names(ctx, args)),
            "status" => StatusCommand.Run(ctx, Names(ctx, args)),
            "clean" => CleanCommand.Run(ctx, Names(ctx, args)),
            _ => throw new UsageException($"Unknown command verb {verb}."),
        };
    }

    /// <summary>
    /// Starts or stops units (also for <c>enable --now</c>, <c>disable --now</c>, <c>mask --now</c>); returns the exit
    /// code.
    /// </summary>
    public static int StartOrStop(HostContext ctx, string verb, IReadOnlyList<string> units)
    {
        var manager = new UnitManager(ctx);
        // systemctl queues one job per named unit: an unknown or masked one fails alone, the others still run.
        var code = ExitCodes.Success;
        var runnable = new List<string>();
        foreach (var name in units)
        {
            var unit = ctx.Units.LoadUnit(name);
            if (verb == "start" && unit.Definition.LoadState == UnitLoadState.NotFound)
                code = Fail(ctx, $"Failed to start {name}: Unit {name} not found.", ExitCodes.NotInstalled);
            else if (verb == "start" && unit.Definition.LoadState == UnitLoadState.Masked)
                code = Fail(ctx, $"Failed to start {name}: Unit {name} is masked.", ExitCodes.Failure);
            else if (verb == "start" && JobMessages.NotStartable(name, unit.Definition) is { } why)
                code = Fail(ctx, $"Failed to start {name}: {why}", ExitCodes.Failure);
            else if (verb == "stop" && unit.Definition.LoadState == UnitLoadState.NotFound && !manager.IsRunning(name))
                code = Fail(ctx, $"Failed to stop {name}: Unit {name} not loaded.", ExitCodes.NotInstalled);
            else runnable.Add(name);
        }
        if (runnable.Count == 0) return code;
        if (ctx.Options.Wait) UnitWaiter.Prepare();
        try
        {
            var results = verb == "start"
                ? manager.StartAsync(runnable, CancellationToken.None).GetAwaiter().GetResult()
                : manager.StopAsync(runnable, CancellationToken.None).GetAwaiter().GetResult();
            var reported = Report(ctx, results, runnable);
            if (ctx.Options.Wait && reported == ExitCodes.Success) reported = UnitWaiter.Wait(ctx, manager, runnable);
            return code != ExitCodes.Success ? code : reported;
        }
        catch (TransactionException e)
        {
            return Fail(ctx, $"Failed to {verb} {string.Join(' ', runnable)}: {e.Message}", ExitCodes.Failure);
        }
    }

    /// <summary>
    /// Prints the failure of each requested unit's job as systemctl does; exit 1 when any failed (5 when refused for a
    /// missing unit).
    /// </summary>
    public static int Report(HostContext ctx, IReadOnlyList<UnitJobResult> results, IReadOnlyList<string> requested)
    {
        var code = ExitCodes.Success;
        foreach (var result in results)
        {
            if (result.Result is JobResult.Done or JobResult.Skipped || !requested.Contains(result.Unit)) continue;
            ctx.Err.WriteLine(result.Message ?? JobMessages.ForResult(result.Unit, "failed"));
            code = result.Result == JobResult.Refused ? ExitCodes.NotInstalled : code == ExitCodes.Success
                ? ExitCodes.Failure : code;
        }
        return code;
    }

    private static int Restart(HostContext ctx, string verb, IReadOnlyList<string> units, bool onlyIfActive,
        bool reloadFirst)
    {
        var manager = new UnitManager(ctx);
        var targets = new List<string>();
        foreach (var name in units)
        {
            var unit = ctx.Units.LoadUnit(name);
            if (unit.Definition.LoadState == UnitLoadState.NotFound)
                return Fail(ctx, $"Failed to {verb} {name}: Unit {name} not found.", ExitCodes.NotInstalled);
            if (onlyIfActive && !manager.IsRunning(unit.Id)) continue;
            if (JobMessages.NotStartable(name, unit.Definition) is { } why)
                return Fail(ctx, $"Failed to {verb} {name}: {why}", ExitCodes.Failure);
            targets.Add(unit.Id);
        }
        if (reloadFirst)
        {
            var reloadable = targets.FindAll(u => manager.IsRunning(u) && ReloadCommand.CanReload(ctx.Units.Load(u)));
            if (reloadable.Count > 0 && ReloadCommand.Run(ctx, reloadable) != ExitCodes.Success)
                return ExitCodes.Failure;
            targets.RemoveAll(reloadable.Contains);
        }
        if (targets.Count == 0) return ExitCodes.Success;
        if (ctx.Options.Wait) UnitWaiter.Prepare();
        // Units that require, bind to or are part of a restarted unit were stopped with it and restart with it
        // (systemd.unit(5) Requires=, PartOf=).
        var stop = manager.StopAsync(targets, CancellationToken.None).GetAwaiter().GetResult();
        var restart = new List<string>(targets);
        foreach (var result in stop)
            if (!restart.Contains(result.Unit)) restart.Add(result.Unit);
        var started = Report(ctx, manager.StartAsync(restart, CancellationToken.None).GetAwaiter().GetResult(),
            targets);
        return ctx.Options.Wait && started == ExitCodes.Success ? UnitWaiter.Wait(ctx, manager, targets) : started;
    }

    private static int ResetFailed(HostContext ctx, IReadOnlyList<string>? units)
    {
        var code = ExitCodes.Success;
        var writer = new StatusWriter(ctx.Store);
        var records = units is null ? [.. ctx.Store.List()] : units.Select(u =>
            ctx.Store.Read(u) ?? new UnitStatus { Unit = u }).ToList();
        foreach (var record in records)
        {
            if (units is not null && ctx.Units.LoadUnit(record.Unit).Definition.LoadState == UnitLoadState.NotFound
                && ctx.Store.Read(record.Unit) is null)
            {
                ctx.Err.WriteLine(
                    $"Failed to reset failed state of unit {record.Unit}: Unit {record.Unit} not loaded.");
                code = ExitCodes.Failure;
                continue;
            }
            using var held = UnitLock.Acquire(ctx.ManagerRunDirectory, record.Unit, TimeSpan.FromSeconds(30));
            var current = UnitRuntime.Read(ctx, record.Unit);
            if (current.ActiveState == ActiveState.Failed)
                writer.Write(current with { ActiveState = ActiveState.Inactive, SubState = "dead", Result = "success",
                    NRestarts = 0 });
        }
        return code;
    }

    public static IReadOnlyList<string> Names(HostContext ctx, IReadOnlyList<string> args)
    {
        if (!args.Any(UnitPatterns.IsGlob)) return UnitPatterns.Expand(ctx, args);
        return UnitPatterns.Expand(ctx, args, ctx.Store.List().Select(s => s.Unit));
    }

    public static int Fail(HostContext ctx, string message, int code)
    {
        ctx.Err.WriteLine(message);
        return code;
    }
}
