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

    /// <summary>Starts or stops units after an install change (<c>enable --now</c>, <c>disable --now</c>, <c>mask --now</c>).</summary>
    public static int StartOrStop(HostContext ctx, string verb, IReadOnlyList<string> units)
    {
        ctx.Err.WriteLine($"{verb}: not implemented yet");
        return ExitCodes.Failure;
    }
}
