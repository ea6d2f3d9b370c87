using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;
using Platform.Host.Lifecycle;
using Platform.Interop;

namespace Platform.Host.Commands.Lifecycle;

/// <summary>
/// <c>reload</c>: ExecReload= with $MAINPID under the unit's lock (SIGHUP for Type=notify-reload); the unit stays
/// active.
/// </summary>
internal static class ReloadCommand
{
    public static bool CanReload(UnitDefinition unit)
        => unit.GetList("Service", "ExecReload").Count > 0 || unit.Get("Service", "Type") == "notify-reload";

    public static int Run(HostContext ctx, IReadOnlyList<string> units)
    {
        var code = ExitCodes.Success;
        var writer = new StatusWriter(ctx.Store);
        foreach (var name in units)
        {
            var unit = ctx.Units.Load(name);
            if (unit.LoadState == UnitLoadState.NotFound)
                return LifecycleCommands.Fail(ctx, $"Failed to reload {name}: Unit {name} not found.",
                    ExitCodes.NotInstalled);
            if (!CanReload(unit))
                return LifecycleCommands.Fail(ctx,
                    $"Failed to reload {name}: Job type reload is not applicable for unit {name}.",
                    ExitCodes.NotImplemented);
            using var held = UnitLock.Acquire(ctx.ManagerRunDirectory, name, TimeSpan.FromMinutes(5));
            var status = UnitRuntime.Read(ctx, name);
            if (status.ActiveState is not (ActiveState.Active or ActiveState.Reloading))
            {
                ctx.Err.WriteLine($"{name} is not active, cannot reload.");
                code = ExitCodes.Failure;
                continue;
            }
            writer.Write(status with { ActiveState = ActiveState.Reloading, SubState = "reload",
                StateChangeTimestamp = Clock.NowUsec() });
            var ok = Reload(ctx, unit, status);
            writer.Write(status with { StateChangeTimestamp = Clock.NowUsec() });
            if (!ok)
            {
                ctx.Err.WriteLine(JobMessages.ForResult(name, "failed"));
                code = ExitCodes.Failure;
            }
        }
        return code;
    }

    private static bool Reload(HostContext ctx, UnitDefinition unit, UnitStatus status)
    {
        var main = status.MainPid > 0 ? status.MainPid : (int?)null;
        if (unit.Get("Service", "Type") == "notify-reload" && unit.GetList("Service", "ExecReload").Count == 0)
            return main is { } pid
                && LibC.Kill(pid, SignalNames.TryParse(unit.Get("Service", "ReloadSignal") ?? "SIGHUP", out var s)
                    ? s : LibC.SIGHUP)
                == 0;
        using var launch = ServiceLaunch.Create(ctx, unit, status.InvocationId ?? Guid.NewGuid().ToString("N"), null,
            main, null);
        using var limit = Deadline.Source(ServiceLaunch.StartTimeout(ctx, unit));
        try
        {
            return ControlCommands.RunAsync(launch.Context, "ExecReload", main, limit.Token).GetAwaiter()
                .GetResult() is null;
        }
        catch (OperationCanceledException) { return false; }
    }
}
