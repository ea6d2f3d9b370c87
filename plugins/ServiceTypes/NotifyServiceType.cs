using Platform.Abstractions;

namespace Platform.ServiceTypes;

/// <summary>
/// <c>Type=notify</c>: spawns ExecStart= with NOTIFY_SOCKET set and waits for <c>READY=1</c> from an allowed sender
/// (<c>NotifyAccess=</c>). <c>MAINPID=</c> moves the main process, <c>STATUS=</c> becomes the status text.
/// The main process ending first fails the start (<c>protocol</c> when it exited with 0); the deadline gives
/// <c>timeout</c>. (<c>EXTEND_TIMEOUT_USEC=</c> is applied by the host's deadline, which sees every message.)
/// </summary>
[ExportServiceType("notify")]
public sealed class NotifyServiceType : IServiceType
{
    /// <summary>How long a message that raced the main process's exit may still arrive.</summary>
    private static readonly TimeSpan ExitGrace = TimeSpan.FromMilliseconds(50);

    /// <inheritdoc/>
    public bool NeedsNotify => true;

    /// <inheritdoc/>
    public async Task<ServiceStartResult> StartAsync(IServiceContext context, CancellationToken cancellationToken)
    {
        if (StartCommand.Single(context, out var failure) is not { } command) return failure!;
        if (context.Notify is not { } endpoint)
            return ServiceStartResult.Failed("resources", "No notify endpoint was opened for a Type=notify service.");
        var policy = new NotifyAccessPolicy(context.Unit.Get("Service", "NotifyAccess"));
        var process = context.Spawn(command);
        var mainPid = process.Pid;
        Task mainGone = process.Exited;
        var receive = endpoint.ReceiveAsync(cancellationToken).AsTask();
        while (true)
        {
            await Task.WhenAny(receive, mainGone).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
                return ServiceStartResult.Failed("timeout", "Start operation timed out. Terminating.",
                    mainPid: mainPid);
            if (!receive.IsCompleted && mainGone.IsCompleted)
                await Task.WhenAny(receive, Task.Delay(ExitGrace, CancellationToken.None)).ConfigureAwait(false);
            if (!receive.IsCompleted)
                return await MainEndedAsync(process, mainPid).ConfigureAwait(false);
            NotifyMessage? message;
            try { message = await receive.ConfigureAwait(false); }
            catch (OperationCanceledException)
            {
                return ServiceStartResult.Failed("timeout", "Start operation timed out. Terminating.",
                    mainPid: mainPid);
            }
            if (message is null)
                return ServiceStartResult.Failed("resources", "The notify endpoint closed before READY=1.",
                mainPid: mainPid);
            if (!policy.Allows(message.SenderPid, mainPid, process.Pid))
            {
                context.Trace(
                    $"Got notification message from PID {message.SenderPid}, but reception only permitted for main PID "
                    + $"{mainPid} (NotifyAccess={policy.Mode})");
            }
            else
            {
                if (message.Status is { } status) context.SetStatusText(status);
                if (message.MainPid is { } newMain && newMain != mainPid
                    && context.AcceptsMainPid(newMain, mainPid, message))
                {
                    context.Trace($"Main PID changed to {newMain} by notification");
                    mainPid = newMain;
                    mainGone = newMain == process.Pid ? process.Exited
                        : WhileAlive(context, newMain, cancellationToken);
                }
                if (message.Ready)
                {
                    context.Trace($"READY=1 from PID {message.SenderPid}");
                    return StartCommand.Running(mainPid);
                }
            }
            receive = endpoint.ReceiveAsync(cancellationToken).AsTask();
        }
    }

    private static async Task<ServiceStartResult> MainEndedAsync(IServiceProcess process, int mainPid)
    {
        if (mainPid != process.Pid)
            return ServiceStartResult.Failed("protocol", $"Main process {mainPid} ended before READY=1.");
        var exit = await process.Exited.ConfigureAwait(false);
        return exit.IsCleanExit
            ? ServiceStartResult.Failed("protocol", "Main process exited before sending READY=1 ("
                + ExitText.Describe(exit) + ").", exit)
            : ServiceStartResult.Failed(exit.FailureResult, "Main process exited, " + ExitText.Describe(exit), exit);
    }

    /// <summary>
    /// Completes when a main process that is not our child is gone (its exit status cannot be collected).
    /// </summary>
    private static async Task WhileAlive(IServiceContext context, int pid, CancellationToken cancellationToken)
    {
        while (context.IsAlive(pid)) await Task.Delay(100, cancellationToken).ConfigureAwait(false);
    }
}
