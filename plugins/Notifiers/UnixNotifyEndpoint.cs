using Platform.Abstractions;
using Platform.Interop;

namespace Platform.Notifiers;

/// <summary>
/// A bound AF_UNIX datagram socket with SO_PASSCRED. Every message comes with the sender's credentials.
/// One receive at a time: a second concurrent <see cref="ReceiveAsync"/> throws.
/// </summary>
internal sealed class UnixNotifyEndpoint : INotifyEndpoint
{
    private readonly SocketHandle _socket;
    private readonly string? _filePath;
    private readonly ulong _fileInode;
    private readonly ulong _pollId = ReadinessPoller.NewId();
    private readonly Lock _gate = new();
    private TaskCompletionSource<bool>? _pending;
    private bool _armedOnce;
    private bool _receiving;
    private bool _disposed;

    internal UnixNotifyEndpoint(SocketHandle socket, string address, string? filePath, ulong fileInode)
    {
        _socket = socket;
        Address = address;
        _filePath = filePath;
        _fileInode = fileInode;
    }

    /// <inheritdoc />
    public string? Address { get; }

    /// <inheritdoc />
    public async ValueTask<NotifyMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_receiving)
                throw new InvalidOperationException("another ReceiveAsync is already pending on this notify endpoint");
            _receiving = true;
        }
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                TaskCompletionSource<bool> readable;
                lock (_gate)
                {
                    if (_disposed) return null;
                    var outcome = CredentialedReceiver.TryReceive(_socket, out var message);
                    if (outcome == CredentialedReceiver.Outcome.Message) return message;
                    if (outcome == CredentialedReceiver.Outcome.Skipped) continue;
                    readable = _pending = new TaskCompletionSource<bool>(
                        TaskCreationOptions.RunContinuationsAsynchronously);
                    ReadinessPoller.Arm(_pollId, _socket.Fd, !_armedOnce, OnReadable);
                    _armedOnce = true;
                }
                // A cancelled wait leaves the poller armed; the next receive re-arms it and reads first anyway.
                if (!await readable.Task.WaitAsync(cancellationToken).ConfigureAwait(false)) return null;
            }
        }
        finally
        {
            lock (_gate) _receiving = false;
        }
    }

    // sd_notify_barrier(3) (used by systemd-notify after every message) passes a pipe fd and waits for the
    // manager to close it; closing the fds still queued releases such a sender at once instead of after its timeout.
    private void DrainQueued()
    {
        try
        {
            for (var i = 0; i < 256; i++)
                if (CredentialedReceiver.TryReceive(_socket, out _) == CredentialedReceiver.Outcome.Empty) return;
        }
        catch (IOException)
        {
            // Disposing must not throw; whatever is left is freed with the socket.
        }
    }

    private void OnReadable() => Interlocked.Exchange(ref _pending, null)?.TrySetResult(true);

    /// <summary>Closes the socket and removes its file; a pending receive then returns null.</summary>
    public void Dispose()
    {
        TaskCompletionSource<bool>? pending;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            ReadinessPoller.Forget(_pollId, _socket.Fd, _armedOnce);
            DrainQueued();
            pending = Interlocked.Exchange(ref _pending, null);
        }
        pending?.TrySetResult(false);
        // Unlink first so no new sender reaches a dead socket, but only our own file: a later process may
        // already have replaced it with its endpoint for the same unit, which must keep working.
        if (_filePath is not null && SocketFile.Inode(_filePath) == _fileInode) LibC.unlink(_filePath);
        _socket.Dispose();
    }
}
