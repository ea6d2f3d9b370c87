using Platform.Abstractions;

namespace Platform.ServiceTypes;

/// <summary>Waits for a daemon to write its PID file (it may do so shortly after its parent exits).</summary>
internal static class PidFileWait
{
    /// <summary>
    /// The PID from the file once it holds a valid one; throws <see cref="OperationCanceledException"/> at the
    /// deadline.
    /// </summary>
    public static async Task<int> ForPid(IServiceContext context, CancellationToken cancellationToken)
    {
        var delay = 5;
        while (true)
        {
            if (context.ReadPidFile() is { } pid) return pid;
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = Math.Min(delay * 2, 100);
        }
    }
}
