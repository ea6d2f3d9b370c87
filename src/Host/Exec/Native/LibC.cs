using System.Runtime.InteropServices;

namespace Platform.Host.Exec.Native;

/// <summary>
/// The libc calls the exec engine needs. Every signature is blittable (pointers as <see cref="IntPtr"/>,
/// strings marshalled by <see cref="NativeStrings"/>), so no marshalling stubs are generated at run time.
/// </summary>
internal static partial class LibC
{
    // glibc only: the binary ships for linux-x64 (glibc) and POSIX_SPAWN_SETSID is a glibc extension.
    public const string Name = "libc.so.6";

    public const int EINTR = 4, ESRCH = 3, ENOENT = 2, ECHILD = 10, EAGAIN = 11, EACCES = 13, ENOSYS = 38, EINVAL = 22;
    public const int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0x40, O_TRUNC = 0x200, O_APPEND = 0x400, O_NOCTTY = 0x100, O_CLOEXEC = 0x80000;

    [DllImport(Name, SetLastError = true)]
    public static extern int close(int fd);

    [DllImport(Name, SetLastError = true)]
    public static extern nint read(int fd, IntPtr buffer, nint count);

    [DllImport(Name, SetLastError = true)]
    public static extern nint write(int fd, IntPtr buffer, nint count);

    [DllImport(Name, SetLastError = true)]
    public static extern int pipe2(int[] fds, int flags);

    [DllImport(Name, SetLastError = true)]
    public static extern int fcntl(int fd, int cmd, int arg);

    [DllImport(Name, SetLastError = true)]
    public static extern int access(IntPtr path, int mode);

    [DllImport(Name)]
    public static extern uint umask(uint mask);

    [DllImport(Name, SetLastError = true)]
    public static extern int chdir(IntPtr path);

    [DllImport(Name, SetLastError = true)]
    public static extern int execve(IntPtr path, IntPtr argv, IntPtr envp);

    [DllImport(Name)]
    public static extern int getsid(int pid);

    [DllImport(Name)]
    public static extern uint geteuid();

    [DllImport(Name)]
    public static extern uint getegid();

    /// <summary>The text of an errno value, e.g. "No such file or directory".</summary>
    public static string StrError(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
