using System.Runtime.InteropServices;

namespace Platform.Host.Exec.Native;

internal static partial class LibC
{
    public const int PR_CAPBSET_DROP = 24, PR_SET_SECUREBITS = 28, PR_SET_NO_NEW_PRIVS = 38;
    public const int PRIO_PROCESS = 0, IOPRIO_WHO_PROCESS = 1, CLONE_NEWNS = 0x00020000;
    public const ulong MS_RDONLY = 1, MS_NOSUID = 2, MS_NODEV = 4, MS_REMOUNT = 32, MS_BIND = 4096, MS_REC = 16384, MS_SLAVE = 1 << 19;
    public const int EPERM = 1;

    [DllImport(Name, SetLastError = true)]
    public static extern int setpriority(int which, uint who, int prio);

    /// <summary>setrlimit(2) with <c>struct rlimit { rlim_t cur, max; }</c> as two 64-bit values.</summary>
    [DllImport(Name, SetLastError = true)]
    public static extern int setrlimit(int resource, ulong[] limit);

    [DllImport(Name, SetLastError = true)]
    public static extern int getrlimit(int resource, ulong[] limit);

    [DllImport(Name, SetLastError = true)]
    public static extern int getpriority(int which, uint who);

    [DllImport(Name, SetLastError = true)]
    public static extern int sched_setaffinity(int pid, nint size, byte[] mask);

    [DllImport(Name, SetLastError = true)]
    public static extern int unshare(int flags);

    [DllImport(Name, SetLastError = true)]
    public static extern int mount(IntPtr source, IntPtr target, IntPtr type, ulong flags, IntPtr data);

    [DllImport(Name, SetLastError = true)]
    public static extern int chroot(IntPtr path);

    /// <summary>ioprio_set(2), which glibc does not wrap.</summary>
    public static int IoprioSet(int value)
        => (int)syscall(RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 30 : 251, IOPRIO_WHO_PROCESS, 0, value, 0);
}
