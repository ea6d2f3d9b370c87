using System.Runtime.InteropServices;

namespace Platform.Interop;

/// <summary>
/// Raw socket calls rather than System.Net.Sockets: descriptors handed to services need exactly the flags and
/// options a unit names, and credentials/descriptors travel as SCM_CREDENTIALS/SCM_RIGHTS control messages.
/// </summary>
internal static unsafe partial class LibC
{
    public const int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10;
    public const int SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_SEQPACKET = 5, SOCK_NONBLOCK = 0x800, SOCK_CLOEXEC = 0x80000;
    public const int SOL_SOCKET = 1, SO_REUSEADDR = 2, SO_SNDBUF = 7, SO_REUSEPORT = 15, SO_PASSCRED = 16;
    public const int SO_PEERCRED = 17, SO_SNDTIMEO = 21;
    public const int IPPROTO_IP = 0, IPPROTO_IPV6 = 41, IPV6_V6ONLY = 26, IP_FREEBIND = 15, IPV6_FREEBIND = 78;
    public const int SCM_RIGHTS = 1, SCM_CREDENTIALS = 2;
    public const int MSG_CTRUNC = 0x08, MSG_TRUNC = 0x20, MSG_DONTWAIT = 0x40, MSG_NOSIGNAL = 0x4000;
    public const int MSG_CMSG_CLOEXEC = 0x40000000;

    [LibraryImport(Name, SetLastError = true)]
    public static partial int socket(int domain, int type, int protocol);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int bind(int fd, byte* address, int length);

    public static int bind(int fd, byte[] address, uint length)
    {
        fixed (byte* p = address) return bind(fd, p, (int)length);
    }

    [LibraryImport(Name, SetLastError = true)]
    public static partial int connect(int fd, byte* address, int length);

    public static int connect(int fd, byte[] address, uint length)
    {
        fixed (byte* p = address) return connect(fd, p, (int)length);
    }

    [LibraryImport(Name, SetLastError = true)]
    public static partial int listen(int fd, int backlog);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int accept4(int fd, void* address, void* length, int flags);

    public static int accept4(int fd, byte[]? address, ref uint length, int flags)
    {
        fixed (byte* p = address)
        fixed (uint* l = &length)
            return accept4(fd, p, l, flags);
    }

    [LibraryImport(Name, SetLastError = true)]
    public static partial int setsockopt(int fd, int level, int name, void* value, int length);

    public static int setsockopt(int fd, int level, int name, ref int value, uint length)
    {
        fixed (int* p = &value) return setsockopt(fd, level, name, p, (int)length);
    }

    [LibraryImport(Name, SetLastError = true)]
    public static partial int getsockopt(int fd, int level, int name, void* value, int* length);

    public static int getsockopt(int fd, int level, int name, byte[] value, ref uint length)
    {
        fixed (byte* p = value)
        fixed (uint* l = &length)
            return getsockopt(fd, level, name, p, (int*)l);
    }

    [LibraryImport(Name, SetLastError = true)]
    public static partial int getsockname(int fd, byte[] address, ref uint length);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int getpeername(int fd, byte[] address, ref uint length);

    [LibraryImport(Name, SetLastError = true)]
    public static partial nint send(int fd, byte* buffer, nint length, int flags);

    [LibraryImport(Name, SetLastError = true)]
    public static partial nint sendmsg(int fd, MsgHdr* message, int flags);

    public static nint sendmsg(int fd, ref MsgHdr message, int flags)
    {
        fixed (MsgHdr* p = &message) return sendmsg(fd, p, flags);
    }

    [LibraryImport(Name, SetLastError = true)]
    public static partial nint recvmsg(int fd, MsgHdr* message, int flags);

    public static nint recvmsg(int fd, ref MsgHdr message, int flags)
    {
        fixed (MsgHdr* p = &message) return recvmsg(fd, p, flags);
    }

    /// <summary>
    /// recvmsg on a handle kept open for the call, so a concurrent Dispose cannot recycle the fd number.
    /// </summary>
    public static nint recvmsg(SafeHandle fd, MsgHdr* message, int flags)
    {
        var added = false;
        try
        {
            fd.DangerousAddRef(ref added);
            return recvmsg((int)fd.DangerousGetHandle(), message, flags);
        }
        finally
        {
            if (added) fd.DangerousRelease();
        }
    }
}
