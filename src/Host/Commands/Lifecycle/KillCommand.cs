using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;
using Platform.Host.Lifecycle;
using Platform.Interop;

namespace Platform.Host.Commands.Lifecycle;

/// <summary>
/// <c>kill [-s SIGNAL] [--kill-whom=main|control|all] UNIT...</c>: signals the unit's processes; the state follows from
/// what they do.
/// </summary>
internal static class KillCommand
{
    public static int Run(HostContext ctx, IReadOnlyList<string> units)
    {
        var signalText = ctx.Options.Signal ?? "SIGTERM";
        if (!SignalNames.TryParse(signalText, out var signal))
            return LifecycleCommands.Fail(ctx, $"Failed to parse signal string {signalText}.", ExitCodes.Failure);
        var whom = ctx.Options.KillWhom;
        if (whom is not ("main" or "control" or "all"))
            return LifecycleCommands.Fail(ctx, $"Invalid kill-whom value: {whom}", ExitCodes.Failure);
        var code = ExitCodes.Success;
        foreach (var name in units)
        {
            var status = UnitRuntime.Read(ctx, name);
            if (ctx.Units.Load(name).LoadState == UnitLoadState.NotFound && ctx.Store.Read(name) is null)
                return LifecycleCommands.Fail(ctx, $"Failed to kill unit {name}: Unit {name} not loaded.",
                    ExitCodes.Failure);
            var targets = whom switch
            {
                "main" => status.MainPid > 0 && ProcFs.IsAlive(status.MainPid) ? [status.MainPid] : new List<int>(),
                "control" => status.ControlPid > 0 ? [status.ControlPid] : new List<int>(),
                _ => status.ActiveState is ActiveState.Inactive
                    ? [] : UnitProcesses.Find(status.MainPid, RuntimeRecord.ReadSessions(status),
                    UnitControlGroup.Existing(ctx, ctx.Units.Load(name)), status.InvocationId),
            };
            if (targets.Count == 0 && whom != "all")
            {
                ctx.Err.WriteLine(
                    $"Failed to kill unit {name}: No {(whom == "main" ? "main" : "control")} process to kill");
                code = ExitCodes.Failure;
                continue;
            }
            // ESRCH is a process that exited since it was found; any other failure is the caller's to hear about.
            foreach (var pid in targets)
            {
                if (LibC.Kill(pid, signal) is not (0 or LibC.ESRCH) and var errno)
                {
                    ctx.Err.WriteLine($"Failed to kill unit {name}: {LibC.StrError(errno)}");
                    code = ExitCodes.Failure;
                    break;
                }
            }
        }
        return code;
    }
}
