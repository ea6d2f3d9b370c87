using Platform.Host.Cli;

namespace Platform.Host.Commands.Lifecycle;

/// <summary>Runtime commands: start, stop, restart, reload, kill, reset-failed, is-active, is-failed, status, clean.</summary>
internal static class LifecycleCommands
{
    public static int Run(HostContext ctx, string verb)
    {
        ctx.Err.WriteLine($"{verb}: not implemented yet");
        return ExitCodes.Failure;
    }
}
