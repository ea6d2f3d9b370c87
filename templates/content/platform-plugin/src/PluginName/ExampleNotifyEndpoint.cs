using Platform.Abstractions;

namespace PluginName;

/// <summary>
/// Polls a readiness check and reports <c>READY=1</c> once it passes. The service is told no address (it needs no
/// NOTIFY_SOCKET). After the one ready message, further receives wait until the endpoint is disposed: the PID-1 init
/// keeps calling <see cref="ReceiveAsync"/> for as long as the service runs, and must not get READY=1 again and again.
/// </summary>
public sealed class ExampleNotifyEndpoint : INotifyEndpoint
{
    private readonly Func<bool> _isReady;
    private readonly TimeSpan _interval;
    private readonly string _status;
    private readonly CancellationTokenSource _disposed = new();
    private bool _reported;

    /// <summary>Creates an endpoint that checks <paramref name="isReady"/> every <paramref name="interval"/>.</summary>
    public ExampleNotifyEndpoint(Func<bool> isReady, TimeSpan interval, string status)
    {
        _isReady = isReady;
        _interval = interval;
        _status = status;
    }

    /// <inheritdoc />
    public string? Address => null;

    /// <inheritdoc />
    public async ValueTask<NotifyMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        try
        {
            while (_reported || !_isReady())
                await Task.Delay(_reported ? Timeout.InfiniteTimeSpan : _interval, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested
            && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        _reported = true;
        return new NotifyMessage([new("READY", "1"), new("STATUS", _status)]);
    }

    /// <summary>Ends the endpoint; a pending <see cref="ReceiveAsync"/> returns null.</summary>
    public void Dispose()
    {
        if (!_disposed.IsCancellationRequested) _disposed.Cancel();
    }
}
