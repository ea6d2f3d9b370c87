using System.Runtime.InteropServices;

namespace Platform.Host.Exec.Native;

internal static partial class LibC
{
    private const long SYS_pidfd_send_signal = 424, SYS_pidfd_open = 434;
    public const int P_PID = 1, P_PIDFD = 3, WEXITED = 4, WNOHANG = 1, WNOWAIT = 0x01000000;
    public const short POLLIN = 0x1;
    public const int SigInfoSize = 128, SigInfoCodeOffset = 8, SigInfoPidOffset = 16, SigInfoStatusOffset = 24;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport(Name, SetLastError = true)]
    private static extern long syscall(long number, long a, long b, long c, long d);

    /// <summary>pidfd_open(2); -1 with errno on failure. pidfds are always close-on-exec.</summary>
    public static int PidfdOpen(int pid) => (int)syscall(SYS_pidfd_open, pid, 0, 0, 0);

    /// <summary>pidfd_send_signal(2): signals exactly the process the pidfd refers to, immune to pid reuse.</summary>
    public static int PidfdSendSignal(int pidfd, int signal) => (int)syscall(SYS_pidfd_send_signal, pidfd, signal, 0, 0);

    private const int PR_SET_CHILD_SUBREAPER = 36;

    [DllImport(Name, SetLastError = true)]
    public static extern int prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    /// <summary>PR_SET_CHILD_SUBREAPER: orphaned descendants are re-parented to this process, which can reap them.</summary>
    public static int BecomeSubreaper() => prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);

    [DllImport(Name, SetLastError = true)]
    public static extern int waitid(int idType, int id, IntPtr info, int options);

    [DllImport(Name, SetLastError = true)]
    public static extern int poll([In, Out] PollFd[] fds, nuint count, int timeoutMs);

    [DllImport(Name, SetLastError = true)]
    public static extern int kill(int pid, int signal);

    [DllImport(Name, SetLastError = true)]
    public static extern int eventfd(uint initial, int flags);
}
