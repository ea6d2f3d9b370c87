using Platform.Host.Cli;

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
                if (!ctx.Options.Quiet) ctx.Out.WriteLine(current);
                return current == "running" ? ExitCodes.Success : ExitCodes.Failure;
            case "halt" or "poweroff" or "reboot" or "exit":
                if (state.RunningPid() is not { } pid)
                {
                    ctx.Err.WriteLine("System has not been booted with systemd as init system (PID 1). Can't operate.");
                    return ExitCodes.Failure;
                }
                Mono.Unix.Native.Syscall.kill(pid, Mono.Unix.Native.Signum.SIGTERM);
                return ExitCodes.Success;
        }
        if (state.RunningPid() is { } running && running != Environment.ProcessId)
        {
            ctx.Err.WriteLine($"An init already runs for this root (PID {running}).");
            return ExitCodes.Failure;
        }
        if (!ChildSignals.IsBlocked()) ChildSignals.ReexecuteBlocked();
        // Tools decide "is this a systemd system?" by /proc/1/comm (Ansible's service_mgr fact) and /run/systemd/system.
        ProcessName.Set("systemd");
        return new InitProcess(ctx, state).RunAsync(Targets(ctx)).GetAwaiter().GetResult();
    }

    /// <summary><c>init</c> / <c>init default</c>: the default target; <c>default-services</c>: every enabled service; else the named units.</summary>
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
                if (name.EndsWith(".service", StringComparison.Ordinal) && ctx.Units.GetUnitFileState(name) == "enabled") enabled.Add(name);
            return enabled;
        }
        return Commands.Lifecycle.LifecycleCommands.Names(ctx, args);
    }
}
