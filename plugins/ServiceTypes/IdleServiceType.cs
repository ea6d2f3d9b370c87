using Platform.Abstractions;

namespace Platform.ServiceTypes;

/// <summary>
/// <c>Type=idle</c>: like simple. systemd only delays it until other start jobs are dispatched (at most 5 s), which has
/// no meaning when each systemctl starts units by itself.
/// </summary>
[ExportServiceType("idle")]
public sealed class IdleServiceType : IServiceType
{
    /// <inheritdoc/>
    public bool NeedsNotify => false;

    /// <inheritdoc/>
    public Task<ServiceStartResult> StartAsync(IServiceContext context, CancellationToken cancellationToken)
    {
        // Without a job queue there is nothing to wait idle for: it starts as Type=simple does.
        return new SimpleServiceType().StartAsync(context, cancellationToken);
    }
}
