using Platform.Abstractions;

namespace Platform.ServiceTypes;

/// <summary>
/// <c>Type=exec</c>: started once the main process has executed its program. The host's spawner only returns after
/// a successful execve (and throws <see cref="ServiceStartException"/> otherwise), so spawning is the whole wait.
/// </summary>
[ExportServiceType("exec")]
public sealed class ExecServiceType : IServiceType
{
    /// <inheritdoc/>
    public bool NeedsNotify => false;

    /// <inheritdoc/>
    public Task<ServiceStartResult> StartAsync(IServiceContext context, CancellationToken cancellationToken)
    {
        if (StartCommand.Single(context, out var failure) is not { } command) return Task.FromResult(failure!);
        var process = context.Spawn(command);
        context.Trace($"Main process {process.Pid} executed {command.Path}");
        return Task.FromResult(StartCommand.Running(process.Pid));
    }
}
