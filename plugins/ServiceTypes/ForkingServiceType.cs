using Platform.Abstractions;

namespace Platform.ServiceTypes;

/// <summary>
/// <c>Type=forking</c>: ExecStart= must exit with 0 within the start timeout; the main process is then read from
/// <c>PIDFile=</c> (waiting for the file to appear) or guessed from the unit's remaining processes.
/// </summary>
[ExportServiceType("forking")]
public sealed class ForkingServiceType : IServiceType
{
    /// <inheritdoc/>
    public bool NeedsNotify => false;

    /// <inheritdoc/>
    public async Task<ServiceStartResult> StartAsync(IServiceContext context, CancellationToken cancellationToken)
    {
        if (StartCommand.Single(context, out var failure) is not { } command) return failure!;
        var process = context.Spawn(command);
        ProcessExit exit;
        try { exit = await process.Exited.WaitAsync(cancellationToken).ConfigureAwait(false); }
        catch (OperationCanceledException) { return Timeout(process.Pid); }
        if (!exit.IsCleanExit)
            return ServiceStartResult.Failed(exit.FailureResult, "Control process exited, " + ExitText.Describe(exit),
                exit);
        if (context.PidFile is { } pidFile)
        {
            int pid;
            try { pid = await PidFileWait.ForPid(context, cancellationToken).ConfigureAwait(false); }
            catch (OperationCanceledException)
            {
                return Timeout(0, $"PID file {pidFile} not readable (yet?) after start. Start operation timed out.");
            }
            if (!context.IsAlive(pid))
                return ServiceStartResult.Failed("protocol", $"New main PID {pid} does not exist or is a zombie.");
            context.Trace($"Main PID {pid} read from {pidFile}");
            return StartCommand.Running(pid);
        }
        if (context.GuessMainPid() is { } guessed)
        {
            context.Trace($"Main PID guessed: {guessed}");
            return StartCommand.Running(guessed);
        }
        // Nothing left to supervise: systemd deactivates such a unit right away unless RemainAfterExit=yes.
        var remain = context.Unit.GetBool("Service", "RemainAfterExit", false);
        return new ServiceStartResult { Success = true, MainPid = 0, SubState = remain ? "exited" : "dead" };
    }

    private static ServiceStartResult Timeout(int pid, string message = "Start operation timed out. Terminating.")
        => ServiceStartResult.Failed("timeout", message, mainPid: pid);
}
