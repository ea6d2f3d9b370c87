using Platform.Host.Cli;

namespace Platform.Host.Init;

/// <summary>PID-1 mode (<c>init</c>, or no verb as PID 1) and the commands that talk to a running init.</summary>
internal static class InitCommand
{
    public static int Run(HostContext ctx, string verb)
    {
        ctx.Err.WriteLine($"{verb}: not implemented yet");
        return ExitCodes.Failure;
    }
}
