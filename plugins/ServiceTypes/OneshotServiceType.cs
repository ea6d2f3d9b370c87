using Platform.Abstractions;

namespace Platform.ServiceTypes;

/// <summary>
/// <c>Type=oneshot</c>: runs every ExecStart= command in order, each to completion. A failing command without the
/// <c>-</c> prefix fails the unit. Afterwards there is no main process: the unit is <c>exited</c> with
/// RemainAfterExit=yes, else <c>dead</c>. (systemd disables the start timeout for oneshot unless one is set.)
/// </summary>
[ExportServiceType("oneshot")]
public sealed class OneshotServiceType : IServiceType
{
    /// <inheritdoc/>
    public bool NeedsNotify => false;

    /// <inheritdoc/>
    public async Task<ServiceStartResult> StartAsync(IServiceContext context, CancellationToken cancellationToken)
    {
        ProcessExit? last = null;
        foreach (var command in context.Commands("ExecStart"))
        {
            IServiceProcess process;
            try { process = context.Spawn(command); }
            catch (ServiceStartException e) when (command.IgnoreFailure)
            {
                context.Trace($"Ignoring failure of {command.Raw}: {ErrorText.Describe(e)}");
                continue;
            }
            ProcessExit exit;
            try { exit = await process.Exited.WaitAsync(cancellationToken).ConfigureAwait(false); }
            catch (OperationCanceledException)
            {
                return ServiceStartResult.Failed("timeout", "Start operation timed out. Terminating.",
                    mainPid: process.Pid);
            }
            last = exit;
            if (ExitJudgement.IsCommandSuccess(context.Unit, exit)) continue;
            if (command.IgnoreFailure)
            {
                context.Trace($"Ignoring {ExitText.Describe(exit)} of {command.Raw}");
                continue;
            }
            return ServiceStartResult.Failed(exit.FailureResult, "Main process exited, " + ExitText.Describe(exit),
                exit);
        }
        var remain = context.Unit.GetBool("Service", "RemainAfterExit", false);
        return new ServiceStartResult { Success = true, MainPid = 0, SubState = remain ? "exited" : "dead",
            MainExit = last };
    }
}
