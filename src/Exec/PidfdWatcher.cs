using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Exec;

/// <summary>
/// One background thread that blocks in poll(2) on every registered pidfd (readable once the process has exited)
/// plus an eventfd to pick up new registrations, so waiting for any number of processes costs no polling loop.
/// </summary>
internal sealed class PidfdWatcher
{
    private const int EFD_CLOEXEC = 0x80000, EFD_NONBLOCK = 0x800;

    public static PidfdWatcher Shared { get; } = new();

    private readonly object _lock = new();
    private readonly Dictionary<long, (int Fd, Action Callback)> _watches = [];
    private long _nextId;
    private int _eventFd = -1;
    private Thread? _thread;

    /// <summary>
    /// Calls <paramref name="callback"/> on the watcher thread once <paramref name="pidfd"/> is readable; returns an id
    /// for <see cref="Unregister"/>.
    /// </summary>
    public long Register(int pidfd, Action callback)
    {
        lock (_lock)
        {
            EnsureStarted();
            var id = ++_nextId;
            _watches[id] = (pidfd, callback);
            Wake();
            return id;
        }
    }

    /// <summary>Stops watching; returns false when the callback already ran (or is running).</summary>
    public bool Unregister(long id)
    {
        lock (_lock)
        {
            if (!_watches.Remove(id)) return false;
            Wake();
            return true;
        }
    }

    /// <summary>Completes when <paramref name="pidfd"/> becomes readable; cancelling stops the watch.</summary>
    public Task WhenReadable(int pidfd, CancellationToken cancellationToken)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var id = Register(pidfd, () => tcs.TrySetResult());
        if (cancellationToken.CanBeCanceled)
        {
            var reg = cancellationToken.Register(() => { if (Unregister(id)) tcs.TrySetCanceled(cancellationToken); });
            tcs.Task.ContinueWith(_ => reg.Dispose(), TaskScheduler.Default);
        }
        return tcs.Task;
    }

    private void EnsureStarted()
    {
        if (_thread is not null) return;
        _eventFd = LibC.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (_eventFd < 0)
            throw new InvalidOperationException("eventfd failed: " + LibC.StrError(Marshal.GetLastPInvokeError()));
        _thread = new Thread(Run) { IsBackground = true, Name = "pidfd-watcher" };
        _thread.Start();
    }

    private void Wake()
    {
        var one = Marshal.AllocHGlobal(8);
        Marshal.WriteInt64(one, 1);
        LibC.write(_eventFd, one, 8);
        Marshal.FreeHGlobal(one);
    }

    private void Run()
    {
        var drain = Marshal.AllocHGlobal(8);
        var ids = new List<long>();
        while (true)
        {
            PollFd[] fds;
            lock (_lock)
            {
                ids.Clear();
                fds = new PollFd[_watches.Count + 1];
                fds[0] = new PollFd { Fd = _eventFd, Events = LibC.POLLIN };
                var i = 1;
                foreach (var (id, w) in _watches)
                {
                    ids.Add(id);
                    fds[i++] = new PollFd { Fd = w.Fd, Events = LibC.POLLIN };
                }
            }
            if (LibC.poll(fds, (nuint)fds.Length, -1) < 0) continue;
            if (fds[0].Revents != 0) LibC.read(_eventFd, drain, 8);
            for (var i = 1; i < fds.Length; i++)
            {
                if (fds[i].Revents == 0) continue;
                Action? callback = null;
                lock (_lock)
                    if (_watches.Remove(ids[i - 1], out var w)) callback = w.Callback;
                callback?.Invoke();
            }
        }
    }
}
