using System.Runtime.InteropServices;

namespace Platform.Interop;

/// <summary>
/// Processes: pidfds, waitid, poll, prctl and the ids. Syscall numbers glibc does not wrap are per architecture.
/// </summary>
internal static unsafe partial class LibC
{
    // pidfd_* come from the unified syscall table (424+), the same number on every architecture.
    private const long SYS_pidfd_send_signal = 424, SYS_pidfd_open = 434;
    public const int P_PID = 1, P_PIDFD = 3, WEXITED = 4, WNOHANG = 1, WNOWAIT = 0x01000000;
    public const short POLLIN = 0x1, POLLOUT = 0x4;

    // siginfo_t is 128 bytes; si_code at 8 and the _sigchld fields at 16/24 on every 64-bit Linux.
    public const int SigInfoSize = 128, SigInfoCodeOffset = 8, SigInfoPidOffset = 16, SigInfoStatusOffset = 24;

    private const int PR_SET_NAME = 15, PR_SET_CHILD_SUBREAPER = 36;

    [LibraryImport(Name, SetLastError = true)]
    private static partial long syscall(long number, long a, long b, long c, long d);

    /// <summary>pidfd_open(2); -1 with errno on failure. pidfds are always close-on-exec.</summary>
    public static int PidfdOpen(int pid) => (int)syscall(SYS_pidfd_open, pid, 0, 0, 0);

    /// <summary>pidfd_send_signal(2): signals exactly the process the pidfd refers to, immune to pid reuse.</summary>
    public static int PidfdSendSignal(int pidfd, int signal)
        => (int)syscall(SYS_pidfd_send_signal, pidfd, signal, 0, 0);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    /// <summary>
    /// PR_SET_CHILD_SUBREAPER: orphaned descendants are re-parented to this process, which can reap them.
    /// </summary>
    public static int BecomeSubreaper() => prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);

    /// <summary>
    /// PR_SET_NAME: the calling thread's name as /proc/PID/comm shows it (at most 15 bytes are kept).
    /// </summary>
    public static int SetThreadName(string name)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(name) + 1];
        System.Text.Encoding.UTF8.GetBytes(name, bytes);
        fixed (byte* p = bytes) return prctl(PR_SET_NAME, (nuint)p, 0, 0, 0);
    }

    [LibraryImport(Name, SetLastError = true)]
    public static partial int waitid(int idType, int id, IntPtr info, int options);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int poll(PollFd* fds, nuint count, int timeoutMs);

    public static int poll(PollFd[] fds, nuint count, int timeoutMs)
    {
        fixed (PollFd* p = fds) return poll(p, count, timeoutMs);
    }

    [LibraryImport(Name, SetLastError = true)]
    public static partial int setsid();

    [LibraryImport(Name)]
    public static partial int getsid(int pid);

    [LibraryImport(Name)]
    public static partial int getppid();

    [LibraryImport(Name)]
    public static partial uint getuid();

    [LibraryImport(Name)]
    public static partial uint geteuid();

    [LibraryImport(Name)]
    public static partial uint getgid();

    [LibraryImport(Name)]
    public static partial uint getegid();

    [LibraryImport(Name, SetLastError = true)]
    public static partial int getgroups(int size, [Out] uint[]? list);
}
