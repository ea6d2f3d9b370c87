using System.Runtime.InteropServices;

namespace Platform.Interop;

internal static unsafe partial class LibC
{
    public const int PR_CAPBSET_DROP = 24, PR_SET_SECUREBITS = 28, PR_SET_NO_NEW_PRIVS = 38;
    public const int PRIO_PROCESS = 0, IOPRIO_WHO_PROCESS = 1, CLONE_NEWNS = 0x00020000;
    public const ulong MS_RDONLY = 1, MS_NOSUID = 2, MS_NODEV = 4, MS_REMOUNT = 32, MS_BIND = 4096, MS_REC = 16384;
    public const ulong MS_SLAVE = 1 << 19;

    [LibraryImport(Name, SetLastError = true)]
    public static partial int setpriority(int which, uint who, int prio);

    /// <summary>setrlimit(2) with <c>struct rlimit { rlim_t cur, max; }</c> as two 64-bit values.</summary>
    [LibraryImport(Name, SetLastError = true)]
    public static partial int setrlimit(int resource, ulong[] limit);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int getrlimit(int resource, ulong[] limit);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int getpriority(int which, uint who);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int sched_setaffinity(int pid, nint size, byte[] mask);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int unshare(int flags);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int mount(IntPtr source, IntPtr target, IntPtr type, ulong flags, IntPtr data);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int chroot(IntPtr path);

    /// <summary>ioprio_set(2), which glibc does not wrap.</summary>
    public static int IoprioSet(int value)
    {
        // ioprio_set predates the unified table: 251 on x86_64, 30 in the generic table arm64 uses.
        var number = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 30 : 251;
        return (int)syscall(number, IOPRIO_WHO_PROCESS, 0, value, 0);
    }
}
