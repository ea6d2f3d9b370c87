using Platform.Abstractions;

namespace Platform.ServiceTypes;

/// <summary>The single ExecStart= every type except oneshot requires (systemd.service(5)).</summary>
internal static class StartCommand
{
    /// <summary>The one ExecStart= command, or a failed result worded as systemd refuses such units.</summary>
    public static ExecCommand? Single(IServiceContext context, out ServiceStartResult? failure)
    {
        failure = null;
        var commands = context.Commands("ExecStart");
        if (commands.Count == 1) return commands[0];
        failure = ServiceStartResult.Failed("resources", commands.Count == 0
            ? "Service has no ExecStart= setting, which is only allowed for Type=oneshot services. Refusing."
            : "Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. "
                + "Refusing.");
        return null;
    }

    /// <summary>A success with the main process running.</summary>
    public static ServiceStartResult Running(int mainPid) =>
        new() { Success = true, MainPid = mainPid, SubState = "running" };
}
