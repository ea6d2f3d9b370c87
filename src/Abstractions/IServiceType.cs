namespace Platform.Abstractions;

/// <summary>
/// Decides how a service of one <c>Type=</c> is started and when it counts as up. The host handles
/// ExecStartPre/Post, stopping, reloading, locks and status; the type only runs the ExecStart phase.
/// Export with <see cref="ExportServiceTypeAttribute"/> (the name is the <c>Type=</c> value).
/// </summary>
public interface IServiceType
{
    /// <summary>Whether the host must open a notify endpoint before <see cref="StartAsync"/>.</summary>
    bool NeedsNotify { get; }

    /// <summary>
    /// Runs the unit's ExecStart commands and returns once the service is up (or has failed). Called in the
    /// systemctl process that performs the start; <paramref name="cancellationToken"/> fires when the start timeout
    /// elapses.
    /// </summary>
    Task<ServiceStartResult> StartAsync(IServiceContext context, CancellationToken cancellationToken);
}
