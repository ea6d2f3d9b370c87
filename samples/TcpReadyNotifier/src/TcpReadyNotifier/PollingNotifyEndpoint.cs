using Platform.Abstractions;

namespace TcpReadyNotifier;

/// <summary>
/// Runs a readiness probe every poll interval and reports <c>READY=1</c> once it passes. The service is told no
/// address (it gets no NOTIFY_SOCKET). After the one ready message, further receives wait until the endpoint is
/// disposed: the PID-1 init keeps receiving for as long as the service runs and must not get READY=1 again and again.
/// One receive at a time, as the host calls it.
/// </summary>
public sealed class PollingNotifyEndpoint : INotifyEndpoint
{
    private readonly Func<CancellationToken, ValueTask<bool>> _probe;
    private readonly TimeSpan _interval;
    private readonly string _status;
    private readonly CancellationTokenSource _disposed = new();
    private volatile bool _reported;

    /// <summary>
    /// Creates an endpoint that runs <paramref name="probe"/> every <paramref name="interval"/> until it returns true.
    /// </summary>
    /// <param name="probe">The readiness check; it may throw <see cref="OperationCanceledException"/> when its token
    /// fires.</param>
    /// <param name="interval">The pause between two probes (never zero: the wait must not spin).</param>
    /// <param name="status">The <c>STATUS=</c> text sent with <c>READY=1</c>, shown by <c>systemctl status</c>.</param>
    public PollingNotifyEndpoint(Func<CancellationToken, ValueTask<bool>> probe, TimeSpan interval, string status)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _probe = probe;
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
            if (_reported) await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token).ConfigureAwait(false);
            while (!await _probe(linked.Token).ConfigureAwait(false))
                await Task.Delay(_interval, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested
            && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        if (_disposed.IsCancellationRequested) return null;
        _reported = true;
        return new NotifyMessage([new("READY", "1"), new("STATUS", _status)]);
    }

    /// <summary>
    /// Ends the endpoint: a pending <see cref="ReceiveAsync"/> returns null, and so does every later one.
    /// </summary>
    public void Dispose()
    {
        if (!_disposed.IsCancellationRequested) _disposed.Cancel();
    }
}
