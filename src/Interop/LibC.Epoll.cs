using System.Runtime.InteropServices;

namespace Platform.Interop;

/// <summary>epoll(7) over raw descriptors, hiding the one per-architecture layout (struct epoll_event).</summary>
internal static unsafe partial class LibC
{
    public const int EPOLL_CLOEXEC = 0x80000, EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLL_CTL_MOD = 3;
    public const uint EPOLLIN = 0x001, EPOLLERR = 0x008, EPOLLHUP = 0x010, EPOLLRDHUP = 0x2000, EPOLLONESHOT = 1u << 30;

    private static readonly bool s_packedEpollEvent = RuntimeInformation.ProcessArchitecture == Architecture.X64;

    [LibraryImport(Name, SetLastError = true)]
    public static partial int epoll_create1(int flags);

    [LibraryImport(Name, EntryPoint = "epoll_ctl", SetLastError = true)]
    private static partial int EpollCtl(int epfd, int op, int fd, void* ev);

    [LibraryImport(Name, EntryPoint = "epoll_wait", SetLastError = true)]
    private static partial int EpollWait(int epfd, void* events, int maxEvents, int timeoutMs);

    public static int epoll_ctl(int epfd, int op, int fd, EpollEvent* ev)
    {
        if (s_packedEpollEvent || ev is null) return EpollCtl(epfd, op, fd, ev);
        var padded = new EpollEventPadded { Events = ev->Events, Data = ev->Data };
        return EpollCtl(epfd, op, fd, &padded);
    }

    public static int epoll_wait(int epfd, EpollEvent* events, int maxEvents, int timeoutMs)
    {
        if (s_packedEpollEvent) return EpollWait(epfd, events, maxEvents, timeoutMs);
        var padded = new EpollEventPadded[maxEvents];
        int n;
        fixed (EpollEventPadded* p = padded) n = EpollWait(epfd, p, maxEvents, timeoutMs);
        for (var i = 0; i < n; i++) events[i] = new EpollEvent { Events = padded[i].Events, Data = padded[i].Data };
        return n;
    }
}
