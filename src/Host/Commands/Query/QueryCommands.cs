using Platform.Host.Cli;
using Platform.Host.Commands.Install;
using Platform.Host.Commands.Show;

namespace Platform.Host.Commands.Query;

/// <summary>
/// Read-only questions about units: list-unit-files, list-units, show, is-enabled, list-dependencies, get-default.
/// </summary>
internal static class QueryCommands
{
    public static int Run(HostContext ctx, string verb) => verb switch
    {
        "list-unit-files" => ListUnitFilesCommand.Run(ctx),
        "list-units" => ListUnitsCommand.Run(ctx),
        "show" => ShowCommand.Run(ctx),
        "is-enabled" => IsEnabled(ctx),
        "list-dependencies" => ListDependenciesCommand.Run(ctx),
        "get-default" => GetDefault(ctx),
        _ => throw new UsageException($"Unknown command verb {verb}."),
    };

    /// <summary>
    /// <c>is-enabled UNIT...</c>: one state per line; <c>-q</c> prints nothing but errors. Needs no status store.
    /// </summary>
    private static int IsEnabled(HostContext ctx)
    {
        if (ctx.Options.Arguments.Count == 0) return Fail(ctx, "Too few arguments.");
        var result = InstallOutput.Installer(ctx).IsEnabled(ctx.Options.Arguments);
        return InstallOutput.Print(ctx, result, ctx.Options.Quiet);
    }

    private static int GetDefault(HostContext ctx)
    {
        if (ctx.Options.Arguments.Count > 0) return Fail(ctx, "Too many arguments.");
        return InstallOutput.Print(ctx, InstallOutput.Installer(ctx).GetDefault(), quiet: false);
    }

    /// <summary>Prints a one-line error as systemctl does (no program-name prefix) and returns exit code 1.</summary>
    public static int Fail(HostContext ctx, string message)
    {
        ctx.Err.WriteLine(message);
        return ExitCodes.Failure;
    }
}
