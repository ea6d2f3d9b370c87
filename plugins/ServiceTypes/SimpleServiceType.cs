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
        var process = context.Spawn(command);
        context.Trace($"Main process {process.Pid} spawned");
        return Task.FromResult(StartCommand.Running(process.Pid));
    }
}
