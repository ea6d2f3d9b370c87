using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Notifiers;

/// <summary>
/// One background thread per process waits on an epoll set for every endpoint that has a pending receive,
/// so a PID-1 init with hundreds of endpoints still uses one thread and nothing spins. Registrations are
/// one-shot: an endpoint re-arms after each wake-up, and EPOLL_CTL_MOD re-checks readiness, so data that
/// arrived between a failed read and re-arming still wakes it.
/// </summary>
internal static unsafe class ReadinessPoller
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<ulong, Action> Waiters = new();
    private static int _epoll = -1;
    private static ulong _nextId;

    /// <summary>A token identifying one endpoint's registration.</summary>
    public static ulong NewId() => Interlocked.Increment(ref _nextId);

    /// <summary>
    /// Calls <paramref name="onReadable"/> once on the poller thread when <paramref name="fd"/> becomes readable.
    /// </summary>
    public static void Arm(ulong id, int fd, bool firstTime, Action onReadable)
    {
        lock (Gate)
        {
            EnsureStarted();
            Waiters[id] = onReadable;
            var ev = new EpollEvent { Events = LibC.EPOLLIN | LibC.EPOLLONESHOT, Data = id };
            if (LibC.epoll_ctl(_epoll, firstTime ? LibC.EPOLL_CTL_ADD : LibC.EPOLL_CTL_MOD, fd, &ev) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                Waiters.Remove(id);
                throw new IOException("notify socket: epoll_ctl failed: " + LibC.StrError(errno));
            }
        }
    }

    /// <summary>Forgets an endpoint; call before closing its fd (a late event for the id is then ignored).</summary>
    public static void Forget(ulong id, int fd, bool registered)
    {
        lock (Gate)
        {
            Waiters.Remove(id);
            if (registered && _epoll >= 0) LibC.epoll_ctl(_epoll, LibC.EPOLL_CTL_DEL, fd, null);
        }
    }

    private static void EnsureStarted()
    {
        if (_epoll >= 0) return;
        var epfd = LibC.epoll_create1(LibC.EPOLL_CLOEXEC);
        if (epfd < 0)
            throw new IOException("notify socket: epoll_create1 failed: "
            + LibC.StrError(Marshal.GetLastPInvokeError()));
        _epoll = epfd;
        new Thread(Loop) { IsBackground = true, Name = "notify-poller" }.Start();
    }

    private static void Loop()
    {
        const int Capacity = 32;
        var events = stackalloc EpollEvent[Capacity];
        while (true)
        {
            var n = LibC.epoll_wait(_epoll, events, Capacity, -1);
            if (n < 0)
            {
                if (Marshal.GetLastPInvokeError() == LibC.EINTR) continue;
                return; // the epoll fd is never closed, so this cannot happen short of memory corruption
            }
            for (var i = 0; i < n; i++)
            {
                Action? callback;
                lock (Gate) Waiters.Remove(events[i].Data, out callback);
                callback?.Invoke();
            }
        }
    }
}
