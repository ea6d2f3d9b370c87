using Platform.Host.Cli;
using Platform.Interop;

namespace Platform.Host.Init;

/// <summary>PID-1 mode (<c>init</c>, or no verb as PID 1) and the commands that talk to a running init.</summary>
internal static class InitCommand
{
    public static int Run(HostContext ctx, string verb)
    {
        var state = new InitState(ctx);
        switch (verb)
        {
            case "is-system-running":
                var current = state.Current();
                // --wait: until the boot finished (systemd waits while "initializing" or "starting").
                while (ctx.Options.Wait && current is "initializing" or "starting")
                {
                    Thread.Sleep(50);
                    current = state.Current();
                }
                if (!ctx.Options.Quiet) ctx.Out.WriteLine(current);
                return current == "running" ? ExitCodes.Success : ExitCodes.Failure;
            case "halt" or "poweroff" or "reboot" or "exit" or "kexec":
                if (ctx.Options.DryRun) return ExitCodes.Success;
                if (state.RunningPid() is not { } pid) return StopEverything(ctx);
                if (LibC.Kill(pid, LibC.SIGTERM) is not (0 or LibC.ESRCH) and var errno)
                {
                    ctx.Err.WriteLine($"Failed to {verb} system: {LibC.StrError(errno)}");
                    return ExitCodes.Failure;
                }
                return ExitCodes.Success;
        }
        if (state.RunningPid() is { } running && running != Environment.ProcessId)
        {
            ctx.Err.WriteLine($"An init already runs for this root (PID {running}).");
            return ExitCodes.Failure;
        }
        if (!ChildSignals.IsBlocked()) ChildSignals.ReexecuteBlocked();
        // Tools decide "is this a systemd system?" by /proc/1/comm (Ansible's service_mgr fact) and
        // /run/systemd/system.
        ProcessName.Set("systemd");
        return new InitProcess(ctx, state).RunAsync(Targets(ctx)).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Without an init, <c>halt</c> is the counterpart of <c>systemctl default</c>: it stops every unit that runs, in
    /// reverse dependency order (ExecStop=, then the kill escalation), and leaves the machine up; there is nothing else
    /// to halt.
    /// </summary>
    private static int StopEverything(HostContext ctx)
    {
        var results = new Lifecycle.UnitManager(ctx).StopAllAsync(CancellationToken.None).GetAwaiter().GetResult();
        return Commands.Lifecycle.LifecycleCommands.Report(ctx, results, [.. results.Select(r => r.Unit)]);
    }

    /// <summary>
    /// <c>init</c> / <c>init default</c>: the default target; <c>default-services</c>: every enabled service; else the
    /// named units.
    /// </summary>
    private static IReadOnlyList<string> Targets(HostContext ctx)
    {
        var args = ctx.Options.Arguments;
        if (args.Count == 0 || (args.Count == 1 && args[0] == "default"))
        {
            var target = ctx.Units.Load("default.target");
            if (target.LoadState == Abstractions.UnitLoadState.Loaded) return [target.Name];
            if (!ctx.Options.UserMode) return ["multi-user.target"];
        }
        if (args.Count == 0 || args[0] is "default" or "default-services")
        {
            var enabled = new List<string>();
            foreach (var name in ctx.Units.AllUnitFileNames())
                if (name.EndsWith(".service", StringComparison.Ordinal)
                    && ctx.Units.GetUnitFileState(name) == "enabled") enabled.Add(name);
            return enabled;
        }
        return Commands.Lifecycle.LifecycleCommands.Names(ctx, args);
    }
}
