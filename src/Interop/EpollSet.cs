using System.Runtime.InteropServices;
namespace Platform.Interop;

/// <summary>
/// An epoll instance over raw descriptors (level-triggered input), with an eventfd that interrupts the wait: the log
/// pump's loop and the path units' inotify set wait on one.
/// </summary>
internal sealed unsafe class EpollSet : IDisposable
{
    private readonly int _epoll;

    public EpollSet()
    {
        _epoll = LibC.epoll_create1(LibC.EPOLL_CLOEXEC);
        WakeFd = LibC.eventfd(0, LibC.EFD_CLOEXEC | LibC.EFD_NONBLOCK);
        if (_epoll < 0 || WakeFd < 0)
            throw new IOException("epoll/eventfd: " + LibC.StrError(Marshal.GetLastPInvokeError()));
        Add(WakeFd);
    }

    /// <summary>The descriptor that reports readable after <see cref="Wake"/>.</summary>
    public int WakeFd { get; }

    public void Add(int fd)
    {
        var ev = new EpollEvent { Events = LibC.EPOLLIN | LibC.EPOLLRDHUP, Data = (ulong)fd };
        if (LibC.epoll_ctl(_epoll, LibC.EPOLL_CTL_ADD, fd, &ev) != 0)
            throw new IOException("epoll_ctl: " + LibC.StrError(Marshal.GetLastPInvokeError()));
    }

    public void Remove(int fd) => LibC.epoll_ctl(_epoll, LibC.EPOLL_CTL_DEL, fd, null);

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> (-1: forever); returns how many events were stored (0 on timeout or
    /// signal).
    /// </summary>
    public int Wait(EpollEvent* events, int max, int timeoutMs)
    {
        var n = LibC.epoll_wait(_epoll, events, max, timeoutMs);
        if (n >= 0) return n;
        var errno = Marshal.GetLastPInvokeError();
        return errno == LibC.EINTR ? 0 : throw new IOException("epoll_wait: " + LibC.StrError(errno));
    }

    /// <summary>Makes a waiting <see cref="Wait"/> return; safe from any thread.</summary>
    public void Wake()
    {
        long one = 1;
        LibC.write(WakeFd, (byte*)&one, sizeof(long));
    }

    public void DrainWake()
    {
        long value;
        LibC.read(WakeFd, (byte*)&value, sizeof(long));
    }

    public void Dispose()
    {
        LibC.close(_epoll);
        LibC.close(WakeFd);
    }
}
