using Platform.Abstractions;

namespace TcpReadyNotifier;

/// <summary>
/// <c>X-NotifyTransport=tcp-port</c>: a <c>Type=notify</c> service counts as ready once 127.0.0.1:<c>X-ReadyPort=</c>
/// accepts a TCP connection, for programs that cannot speak sd_notify. The port is tried every 20 ms while the start
/// waits; the service gets no NOTIFY_SOCKET.
/// </summary>
[ExportNotifyTransport("tcp-port")]
public sealed class TcpPortNotifyTransport : INotifyTransport
{
    /// <summary>The unit setting (in <c>[Service]</c>) naming the port.</summary>
    public const string PortSetting = "X-ReadyPort";

    /// <summary>The pause between two connection attempts.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <inheritdoc />
    /// <exception cref="ServiceStartException">The unit has no valid <c>X-ReadyPort=</c>.</exception>
    public INotifyEndpoint CreateEndpoint(NotifyEndpointContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.Unit.Get("Service", PortSetting);
        if (!LoopbackPort.TryParse(value, out var port))
            throw new ServiceStartException(value is null
                ? $"{context.Unit.Name}: X-NotifyTransport=tcp-port needs {PortSetting}= in [Service] "
                    + "(a port from 1 to 65535)."
                : $"{context.Unit.Name}: {PortSetting}={value} is not a port from 1 to 65535.");
        return new PollingNotifyEndpoint(token => LoopbackPort.AcceptsAsync(port, token), PollInterval,
            $"127.0.0.1:{port} accepts connections");
    }
}
