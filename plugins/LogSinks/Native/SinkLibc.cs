using System.Runtime.InteropServices;

namespace Platform.LogSinks.Native;

/// <summary>libc calls .NET does not offer: non-blocking FIFO writes, mkfifo, datagrams with SCM_RIGHTS, sealed memfds.</summary>
internal static unsafe partial class SinkLibc
{
    public const int O_WRONLY = 1;
    public const int O_NONBLOCK = 0x800;
    public const int O_CLOEXEC = 0x80000;
    public const int AF_UNIX = 1;
    public const int SOCK_DGRAM = 2;
    public const int SOCK_CLOEXEC = 0x80000;
    public const int SOL_SOCKET = 1;
    public const int SO_SNDBUF = 7;
    public const int SO_SNDTIMEO = 21;
    public const int SCM_RIGHTS = 1;
    public const int MSG_NOSIGNAL = 0x4000;
    public const int MFD_CLOEXEC = 1;
    public const int MFD_ALLOW_SEALING = 2;
    public const int F_ADD_SEALS = 1033;
    public const int F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8;
    public const short POLLOUT = 4;
    public const int AT_FDCWD = -100;
    public const uint STATX_TYPE = 1;
    public const int S_IFMT = 0xF000, S_IFIFO = 0x1000;

    public const int ENOENT = 2, EINTR = 4, ENXIO = 6, EAGAIN = 11, EPIPE = 32, EMSGSIZE = 90, ENOBUFS = 105, ECONNREFUSED = 111;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags, int mode);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int fchown(int fd, uint owner, uint group);

    [LibraryImport("libc")]
    public static partial uint geteuid();

    [LibraryImport("libc", SetLastError = true)]
    public static partial int poll(PollFd* fds, nuint count, int timeout);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mkfifo(string path, uint mode);

    /// <summary>statx(2); the buffer is 256 bytes, stx_mode is the u16 at offset 28.</summary>
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int setsockopt(int fd, int level, int name, void* value, int len);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint sendmsg(int fd, MessageHeader* msg, int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int memfd_create(string name, uint flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int fcntl(int fd, int cmd, int arg);

    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    /// <summary>The file type bits of <paramref name="path"/> (following links), or -1 with errno.</summary>
    public static int FileType(string path, out int errno)
    {
        var buffer = stackalloc byte[256];
        errno = 0;
        if (statx(AT_FDCWD, path, 0, STATX_TYPE, buffer) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return -1;
        }
        return *(ushort*)(buffer + 28) & S_IFMT;
    }
}
