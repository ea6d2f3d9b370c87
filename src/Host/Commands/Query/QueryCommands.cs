using Platform.Host.Cli;

namespace Platform.Host.Commands.Query;

/// <summary>Read-only questions about units: list-unit-files, list-units, show, is-enabled, list-dependencies, get-default.</summary>
internal static class QueryCommands
{
    public static int Run(HostContext ctx, string verb)
    {
        ctx.Err.WriteLine($"{verb}: not implemented yet");
        return ExitCodes.Failure;
    }
}
