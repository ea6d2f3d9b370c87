using Platform.Host.Commands;

namespace Platform.Host.Cli;

/// <summary>Maps a command verb to its implementation. Only the chosen command's code runs, keeping start-up short.</summary>
internal static class Dispatcher
{
    public static int Run(CommandLineOptions options)
    {
        var ctx = new HostContext(options, Console.Out, Console.Error);
        if (options.ShowVersion) return VersionCommand.Run(ctx);
        if (options.ShowHelp) return HelpCommand.Run(ctx);
        var verb = options.Command;
        if (verb is null)
            verb = Environment.ProcessId == 1 || options.Init ? "init" : "list-units";
        return verb switch
        {
            "help" => HelpCommand.Run(ctx),
            "version" => VersionCommand.Run(ctx),
            "cat" => CatCommand.Run(ctx),
            "list-plugins" => Plugins.ListPluginsCommand.Run(ctx.Plugins, ctx.Out, !ctx.Options.NoLegend),
            "daemon-reload" or "daemon-reexec" => ctx.Options.Arguments.Count == 0 ? ExitCodes.Success : TooMany(ctx, verb),
            _ => Unknown(ctx, verb),
        };
    }

    private static int TooMany(HostContext ctx, string verb)
    {
        ctx.Err.WriteLine($"Too many arguments.");
        return ExitCodes.Failure;
    }

    private static int Unknown(HostContext ctx, string verb)
    {
        ctx.Err.WriteLine($"Unknown command verb {verb}.");
        return ExitCodes.Failure;
    }
}
