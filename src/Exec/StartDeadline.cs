namespace Platform.Exec;

/// <summary>
/// The start timeout as a cancellation source whose deadline can only move later (<c>EXTEND_TIMEOUT_USEC=</c>).
/// </summary>
internal sealed class StartDeadline(TimeSpan timeout)
{
    private readonly object _lock = new();
    private CancellationTokenSource? _cts;
    private Deadline _deadline = Deadline.Never;

    /// <summary>
    /// Starts the clock; the returned source is cancelled at the deadline or when <paramref name="outer"/> is.
    /// </summary>
    public CancellationTokenSource Start(CancellationToken outer)
    {
        lock (_lock)
        {
            _deadline = Deadline.After(timeout);
            _cts = Deadline.Source(timeout, outer);
            return _cts;
        }
    }

    /// <summary>
    /// Moves the deadline to now + <paramref name="extension"/> when that is later than the current one.
    /// </summary>
    public void Extend(TimeSpan extension)
    {
        lock (_lock)
        {
            // Without a deadline (TimeoutStartSec=infinity or 0) there is nothing to extend.
            if (_cts is null || _deadline.IsNever || _cts.IsCancellationRequested) return;
            var wanted = Deadline.Later(_deadline, Deadline.After(extension));
            if (wanted == _deadline) return;
            _deadline = wanted;
            // An extension too long for a timer lifts the deadline; a CancellationTokenSource cannot disarm, so it is
            // pushed out of reach.
            try { _cts.CancelAfter(wanted.IsNever ? TimeSpan.FromMilliseconds(int.MaxValue) : wanted.Remaining); }
            catch (ObjectDisposedException) { }
        }
    }
}
