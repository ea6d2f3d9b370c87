using Platform.Host.Cli;
using Platform.Host.Generators;
using Platform.Host.Init;

namespace Platform.Host.Commands.Manager;

/// <summary>
/// <c>daemon-reload</c>: unit files are read afresh by every call anyway, so what is left to do is what systemd does
/// besides: run the generators again (<see cref="GeneratorPolicy"/> says when) and have a running init drop what it
/// has loaded (SIGHUP, as systemd's PID 1 takes it), waiting until it did.
/// </summary>
internal static class DaemonReloadCommand
{
    public static int Run(HostContext ctx)
    {
        if (ctx.Options.Arguments.Count > 0)
        {
            ctx.Err.WriteLine("Too many arguments.");
            return ExitCodes.Failure;
        }
        var init = new InitState(ctx);
        if (GeneratorPolicy.OnReload(ctx, init)) new GeneratorRunner(ctx).Run();
        if (init.RunningPid() is { } pid && pid != Environment.ProcessId) init.RequestReload(pid);
        return ExitCodes.Success;
    }
}
