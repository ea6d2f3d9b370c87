using Platform.Abstractions;

namespace Platform.Exec;

/// <summary>
/// Wraps the notify endpoint handed to a service type so that <c>EXTEND_TIMEOUT_USEC=</c> from one of the unit's
/// processes (or an unidentified sender) extends the start deadline the host enforces; messages pass through unchanged.
/// </summary>
internal sealed class DeadlineNotifyEndpoint(INotifyEndpoint inner, StartDeadline deadline, ServiceContext context)
    : INotifyEndpoint
{
    public string? Address => inner.Address;

    public async ValueTask<NotifyMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var message = await inner.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        if (message?.ExtendTimeoutUsec is { } usec && FromUnit(message.SenderPid))
        {
            context.Trace($"Start timeout extended by {usec} us");
            deadline.Extend(TimeSpan.FromTicks(Math.Min(usec, long.MaxValue / 10) * 10));
        }
        return message;
    }

    private bool FromUnit(int pid)
    {
        if (pid <= 0) return true;
        var sid = ProcFs.SessionId(pid);
        foreach (var s in context.Sessions)
            if (s == pid || s == sid) return true;
        return false;
    }

    public void Dispose() => inner.Dispose();
}
