namespace Platform.Abstractions;

/// <summary>
/// Creates the channels services use to report readiness and status (sd_notify and alternatives).
/// Called by the systemctl process that starts the unit, and by the PID-1 init that keeps endpoints open.
/// Export with <see cref="ExportNotifyTransportAttribute"/>.
/// </summary>
public interface INotifyTransport
{
    /// <summary>Opens an endpoint for one unit; replaces a stale one left by an earlier process.</summary>
    INotifyEndpoint CreateEndpoint(NotifyEndpointContext context);
}
