using Platform.Abstractions;

namespace Platform.ServiceTypes;

/// <summary>
/// <c>Type=simple</c>: the service counts as started as soon as its main process is spawned (systemd.service(5));
/// whether it keeps running is for status checks to find out.
/// </summary>
[ExportServiceType("simple")]
public sealed class SimpleServiceType : IServiceType
{
    /// <inheritdoc/>
    public bool NeedsNotify => false;

    /// <inheritdoc/>
    public Task<ServiceStartResult> StartAsync(IServiceContext context, CancellationToken cancellationToken)
    {
        if (StartCommand.Single(context, out var failure) is not { } command) return Task.FromResult(failure!);
        IServiceProcess process;
        try { process = context.Spawn(command); }
        catch (ServiceStartException e)
        {
            // systemd forks first and execs in the child: the start job is already done when exec fails, and the
            // unit then fails with 203/EXEC. Type=exec is the type that waits for the exec to succeed.
            return Task.FromResult(new ServiceStartResult
            {
                Success = true, Result = "exit-code", SubState = "failed", MainExit = ProcessExit.FromExitStatus(203), Message = e.Message,
            });
        }
        context.Trace($"Main process {process.Pid} spawned");
        return Task.FromResult(StartCommand.Running(process.Pid));
    }
}
