using System.Runtime.InteropServices;

namespace Platform.Interop;

/// <summary>
/// The libc calls of every assembly, declared once. Signatures are blittable or use source-generated marshalling
/// (<see cref="LibraryImportAttribute"/>), so nothing is generated at run time and NativeAOT can bind them. Where
/// callers hold a different shape of argument (an array, an <see cref="IntPtr"/>), an overload adapts it instead of
/// a second declaration.
/// </summary>
internal static unsafe partial class LibC
{
    /// <summary>The one library name; the runtime maps "libc" to the C library of the platform.</summary>
    public const string Name = "libc";

    public const int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, ENXIO = 6, ECHILD = 10, EAGAIN = 11, EACCES = 13;
    public const int EEXIST = 17, ENOTDIR = 20, EINVAL = 22, ENFILE = 23, EMFILE = 24, EPIPE = 32, ENOSYS = 38;
    public const int EMSGSIZE = 90, EADDRINUSE = 98, ECONNABORTED = 103, ENOBUFS = 105, ECONNREFUSED = 111;

    public const int F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, FD_CLOEXEC = 1;
    public const int F_DUPFD_CLOEXEC = 1030, F_ADD_SEALS = 1033;
    public const int F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8;
    public const int EFD_NONBLOCK = 0x800, EFD_CLOEXEC = 0x80000;

    [LibraryImport(Name, SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport(Name, SetLastError = true)]
    public static partial nint read(int fd, byte* buffer, nint count);

    public static nint read(int fd, IntPtr buffer, nint count) => read(fd, (byte*)buffer, count);

    [LibraryImport(Name, SetLastError = true)]
    public static partial nint write(int fd, byte* buffer, nint count);

    public static nint write(int fd, IntPtr buffer, nint count) => write(fd, (byte*)buffer, count);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int pipe2(int[] fds, int flags);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int fcntl(int fd, int cmd, int arg);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int dup2(int oldFd, int newFd);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int eventfd(uint initial, int flags);

    /// <summary>The text of an errno value, e.g. "No such file or directory".</summary>
    public static string StrError(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
