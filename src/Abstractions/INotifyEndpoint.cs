namespace Platform.Abstractions;

/// <summary>One open channel a service reports its state through.</summary>
public interface INotifyEndpoint : IDisposable
{
    /// <summary>
    /// The value for the service's <c>NOTIFY_SOCKET</c>, or null when the transport needs no variable (e.g. it probes
    /// the service itself).
    /// </summary>
    string? Address { get; }

    /// <summary>
    /// Waits for the next message. Returns null once the endpoint is disposed. Throws
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.
    /// </summary>
    ValueTask<NotifyMessage?> ReceiveAsync(CancellationToken cancellationToken);
}
