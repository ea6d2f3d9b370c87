using System.Runtime.InteropServices;
using Platform.Host.Journal.Native;

namespace Platform.Host.Journal.Pump;

/// <summary>
/// An epoll instance over raw descriptors (level-triggered input), with an eventfd that interrupts the wait.
/// </summary>
internal sealed unsafe class EpollSet : IDisposable
{
    private readonly int _epoll;

    public EpollSet()
    {
        _epoll = JournalLibc.epoll_create1(JournalLibc.EPOLL_CLOEXEC);
        WakeFd = JournalLibc.eventfd(0, JournalLibc.EFD_CLOEXEC | JournalLibc.EFD_NONBLOCK);
        if (_epoll < 0 || WakeFd < 0)
            throw new IOException("epoll/eventfd: " + JournalLibc.Describe(Marshal.GetLastPInvokeError()));
        Add(WakeFd);
    }

    /// <summary>The descriptor that reports readable after <see cref="Wake"/>.</summary>
    public int WakeFd { get; }

    public void Add(int fd)
    {
        var ev = new EpollEvent { Events = JournalLibc.EPOLLIN | JournalLibc.EPOLLRDHUP, Data = (ulong)fd };
        if (JournalLibc.epoll_ctl(_epoll, JournalLibc.EPOLL_CTL_ADD, fd, &ev) != 0)
            throw new IOException("epoll_ctl: " + JournalLibc.Describe(Marshal.GetLastPInvokeError()));
    }

    public void Remove(int fd) => JournalLibc.epoll_ctl(_epoll, JournalLibc.EPOLL_CTL_DEL, fd, null);

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> (-1: forever); returns how many events were stored (0 on timeout or
    /// signal).
    /// </summary>
    public int Wait(EpollEvent* events, int max, int timeoutMs)
    {
        var n = JournalLibc.epoll_wait(_epoll, events, max, timeoutMs);
        if (n >= 0) return n;
        var errno = Marshal.GetLastPInvokeError();
        return errno == JournalLibc.EINTR ? 0 : throw new IOException("epoll_wait: " + JournalLibc.Describe(errno));
    }

    /// <summary>Makes a waiting <see cref="Wait"/> return; safe from any thread.</summary>
    public void Wake()
    {
        long one = 1;
        JournalLibc.write(WakeFd, (byte*)&one, sizeof(long));
    }

    public void DrainWake()
    {
        long value;
        JournalLibc.read(WakeFd, (byte*)&value, sizeof(long));
    }

    public void Dispose()
    {
        JournalLibc.close(_epoll);
        JournalLibc.close(WakeFd);
    }
}
