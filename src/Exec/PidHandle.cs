using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Exec;

/// <summary>
/// A pidfd for any process (child or not): signals reach exactly that process even if its pid is reused,
/// and <see cref="WaitAsync"/> completes when it exits. Falls back to plain pids on kernels without pidfds.
/// </summary>
internal sealed class PidHandle : IDisposable
{
    private int _fd;

    private PidHandle(int pid, int fd)
    {
        Pid = pid;
        _fd = fd;
    }

    /// <summary>The process id.</summary>
    public int Pid { get; }

    internal int Fd => _fd;

    /// <summary>
    /// Opens a handle; null when the process is gone, a zombie, or (when given) has another start time than recorded.
    /// </summary>
    public static PidHandle? Open(int pid, ulong? expectedStartTime = null)
    {
        if (pid <= 0) return null;
        var fd = LibC.PidfdOpen(pid);
        if (fd < 0 && Marshal.GetLastPInvokeError() != LibC.ENOSYS) return null;
        // Checked after opening: the pidfd pins the process, so a matching start time now cannot go stale.
        if (!ProcFs.IsAlive(pid, expectedStartTime))
        {
            if (fd >= 0) _ = LibC.close(fd);
            return null;
        }
        return new PidHandle(pid, fd);
    }

    internal static PidHandle ForChild(int pid) => new(pid, LibC.PidfdOpen(pid));

    /// <summary>Sends a signal; false when the process has already exited.</summary>
    public bool Signal(int signal)
    {
        var rc = _fd >= 0 ? LibC.PidfdSendSignal(_fd, signal) : LibC.kill(Pid, signal);
        return rc == 0;
    }

    /// <summary>Whether the process has exited (it may still be an unreaped zombie).</summary>
    public bool HasExited
    {
        get
        {
            if (_fd < 0) return !ProcFs.IsAlive(Pid);
            var fds = new[] { new PollFd { Fd = _fd, Events = LibC.POLLIN } };
            return LibC.poll(fds, 1, 0) > 0 && fds[0].Revents != 0;
        }
    }

    /// <summary>Completes when the process exits (becomes a zombie or is reaped).</summary>
    public Task WaitAsync(CancellationToken cancellationToken = default)
        => _fd >= 0 ? PidfdWatcher.Shared.WhenReadable(_fd, cancellationToken) : PollUntilGone(cancellationToken);

    private async Task PollUntilGone(CancellationToken cancellationToken)
    {
        while (ProcFs.IsAlive(Pid)) await Task.Delay(20, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the pidfd.</summary>
    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0) _ = LibC.close(fd);
    }
}
