using Platform.Host.Cli;

namespace Platform.Host.Commands.Install;

/// <summary>Install-state changes: enable, disable, reenable, mask, unmask, preset, preset-all, set-default, link, revert.</summary>
internal static class InstallCommands
{
    public static int Run(HostContext ctx, string verb)
    {
        ctx.Err.WriteLine($"{verb}: not implemented yet");
        return ExitCodes.Failure;
    }
}
