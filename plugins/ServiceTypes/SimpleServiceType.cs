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
                Success = true, Result = "exit-code", SubState = "failed",
                    MainExit = ProcessExit.FromExitStatus(ExitStatusOf(e)), Message = e.Message,
            });
        }
        context.Trace($"Main process {process.Pid} spawned");
        return Task.FromResult(StartCommand.Running(process.Pid));
    }

    /// <summary>
    /// The exit status systemd's child would have died with at that step: 217/USER, 200/CHDIR, else 203/EXEC.
    /// </summary>
    private static int ExitStatusOf(ServiceStartException e)
        => e.Message.StartsWith("Failed to determine user credentials", StringComparison.Ordinal)
            || e.Message.StartsWith("Failed to determine group credentials", StringComparison.Ordinal) ? 217
            : e.Message.StartsWith("Changing to the requested working directory failed", StringComparison.Ordinal)
                ? 200 : 203;
}
