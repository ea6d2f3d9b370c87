using Platform.Abstractions;

namespace Platform.Host.Exec;

/// <summary>The start timeout as a cancellation source whose deadline can only move later (<c>EXTEND_TIMEOUT_USEC=</c>).</summary>
internal sealed class StartDeadline(TimeSpan timeout)
{
    private readonly object _lock = new();
    private CancellationTokenSource? _cts;
    private long _deadline = long.MaxValue;

    /// <summary>Starts the clock; the returned source is cancelled at the deadline or when <paramref name="outer"/> is.</summary>
    public CancellationTokenSource Start(CancellationToken outer)
    {
        lock (_lock)
        {
            _cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
            if (timeout != SystemdValues.Infinity && timeout.TotalMilliseconds < int.MaxValue)
            {
                _deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
                _cts.CancelAfter(timeout);
            }
            return _cts;
        }
    }

    /// <summary>Moves the deadline to now + <paramref name="extension"/> when that is later than the current one.</summary>
    public void Extend(TimeSpan extension)
    {
        lock (_lock)
        {
            if (_cts is null || _deadline == long.MaxValue || _cts.IsCancellationRequested) return;
            var wanted = Environment.TickCount64 + (long)Math.Min(extension.TotalMilliseconds, int.MaxValue);
            if (wanted <= _deadline) return;
            _deadline = wanted;
            try { _cts.CancelAfter(TimeSpan.FromMilliseconds(wanted - Environment.TickCount64)); }
            catch (ObjectDisposedException) { }
        }
    }
}
