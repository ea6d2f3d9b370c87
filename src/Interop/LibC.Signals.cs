using System.Runtime.InteropServices;

namespace Platform.Interop;

/// <summary>Signals by number (real-time ones included: the kernel numbers, not an enum that stops at 31).</summary>
internal static unsafe partial class LibC
{
    // glibc's sigset_t is 1024 bits; the kernel reads the first 8 bytes.
    public const int SigSetSize = 128;
    public const int SIGKILL = 9, SIGHUP = 1, SIGTERM = 15, SIGCHLD = 17;
    public const int SFD_NONBLOCK = 0x800, SFD_CLOEXEC = 0x80000;

    [LibraryImport(Name, SetLastError = true)]
    public static partial int kill(int pid, int signal);

    /// <summary>
    /// kill(2) with its result as an errno value: 0 when sent, ESRCH when the process is already gone (expected in
    /// every race with its exit), EPERM when we may not signal it.
    /// </summary>
    public static int Kill(int pid, int signal) => kill(pid, signal) == 0 ? 0 : Marshal.GetLastPInvokeError();

    [LibraryImport(Name)]
    public static partial int sigemptyset(IntPtr set);

    [LibraryImport(Name)]
    public static partial int sigfillset(IntPtr set);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int sigaddset(IntPtr set, int signal);

    [LibraryImport(Name)]
    public static partial int pthread_sigmask(int how, IntPtr set, IntPtr oldSet);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int sigaction(int signal, IntPtr action, IntPtr oldAction);

    [LibraryImport(Name, SetLastError = true)]
    public static partial IntPtr signal(int signal, IntPtr handler);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int signalfd(int fd, IntPtr mask, int flags);
}
