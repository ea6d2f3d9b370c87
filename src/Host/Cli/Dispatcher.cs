using Platform.Host.Commands;
using Platform.Host.Commands.Edit;
using Platform.Host.Commands.Install;
using Platform.Host.Commands.Lifecycle;
using Platform.Host.Commands.Manager;
using Platform.Host.Commands.Query;
using Platform.Host.Init;
using Platform.Host.Output;

namespace Platform.Host.Cli;

/// <summary>
/// Maps a command verb to its implementation. Only the chosen command's code runs, keeping start-up short.
/// </summary>
internal static class Dispatcher
{
    public static int Run(CommandLineOptions options)
    {
        // A non-root PID 1 (a container run with --user) manages that user's units, as a user manager would.
        if (Environment.ProcessId == 1 && !Environment.IsPrivilegedProcess) options.UserMode = true;
        var ctx = new HostContext(options, DescriptorStream.Writer(1), DescriptorStream.Writer(2));
        if (options.ShowVersion) return VersionCommand.Run(ctx);
        if (options.ShowHelp) return HelpCommand.Run(ctx);
        var verb = options.Command;
        if (verb is null)
            verb = Environment.ProcessId == 1 || options.Init ? "init" : "list-units";
        // -1/--init before a verb runs that verb as the init: `--init default` boots the default target and stays,
        // `--init start A B` starts A and B and stays (as `init A B`).
        if (options.Init && verb is "default" or "start")
        {
            if (verb == "default") options.Arguments.Insert(0, "default");
            verb = "init";
        }
        if (options.DryRun && verb is not ("halt" or "poweroff" or "reboot" or "kexec" or "exit" or "default"))
            throw new UsageException(
                $"--dry-run is supported only by halt, poweroff, reboot, kexec, exit and default, not by {verb}.");
        if (options.Wait && verb is not ("start" or "restart" or "try-restart" or "reload-or-restart"
            or "reload-or-try-restart"
                or "is-system-running"))
            throw new UsageException(
                $"--wait is supported only by start, restart and is-system-running, not by {verb}.");
        if (options.Wait && options.NoBlock) throw new UsageException("--no-block and --wait are not compatible.");
        if (options.NoBlock && NoBlock.Applies(verb)) return NoBlock.Detach();
        return verb switch
        {
            "help" => HelpCommand.Run(ctx),
            "version" => VersionCommand.Run(ctx),
            "cat" => CatCommand.Run(ctx),
            // Hidden (not in help): systemd-analyze's condition evaluation, for checking a unit's conditions here.
            "condition" => ConditionCommand.Run(ctx),
            "edit" => EditCommand.Run(ctx),
            "list-plugins" => Plugins.ListPluginsCommand.Run(ctx.Plugins, ctx.Out, !ctx.Options.NoLegend),
            "daemon-reload" or "daemon-reexec" => DaemonReloadCommand.Run(ctx),
            "show-environment" or "set-environment" or "unset-environment" or "import-environment"
                => EnvironmentCommands.Run(ctx, verb),
            "list-jobs" => ListJobsCommand.Run(ctx),
            "list-timers" => Commands.Query.ListTimersCommand.Run(ctx),
            "list-sockets" => Commands.Query.ListSocketsCommand.Run(ctx),
            "list-paths" => Commands.Query.ListPathsCommand.Run(ctx),
            "list-unit-files" or "list-units" or "show" or "is-enabled" or "list-dependencies" or "get-default"
                => QueryCommands.Run(ctx, verb),
            "enable" or "disable" or "reenable" or "mask" or "unmask" or "preset" or "preset-all" or "set-default"
                or "link" or "revert" => InstallCommands.Run(ctx, verb),
            "start" or "stop" or "restart" or "try-restart" or "condrestart" or "reload" or "reload-or-restart"
                or "reload-or-try-restart" or "try-reload-or-restart" or "force-reload" or "kill" or "reset-failed"
                or "is-active" or "is-failed" or "status" or "clean" => LifecycleCommands.Run(ctx, verb),
            // Without a manager to isolate, `default` starts the default target and what it wants.
            "default" => options.DryRun ? ExitCodes.Success : LifecycleCommands.StartOrStop(ctx, "start",
                ["default.target"]),
            "init" or "is-system-running" or "halt" or "poweroff" or "reboot" or "exit" or "kexec" =>
                InitCommand.Run(ctx, verb),
            _ => Unknown(ctx, verb),
        };
    }

    private static int Unknown(HostContext ctx, string verb)
    {
        ctx.Err.WriteLine($"Unknown command verb {verb}.");
        return ExitCodes.Failure;
    }
}
