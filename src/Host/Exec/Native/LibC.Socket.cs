using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Platform.Host.Exec.Native;

/// <summary>
/// The socket calls socket units need. Raw calls rather than System.Net.Sockets: the descriptors are handed to
/// services, so their flags (blocking, no close-on-exec surprises) and options must be exactly what the unit says.
/// </summary>
internal static partial class LibC
{
    public const int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10;
    public const int SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_SEQPACKET = 5, SOCK_CLOEXEC = 0x80000, SOCK_NONBLOCK = 0x800;
    public const int SOL_SOCKET = 1, SO_REUSEADDR = 2, SO_PASSCRED = 16, SO_PEERCRED = 17, SO_REUSEPORT = 15;
    public const int IPPROTO_IP = 0, IPPROTO_IPV6 = 41, IPV6_V6ONLY = 26, IP_FREEBIND = 15, IPV6_FREEBIND = 78;
    public const int SCM_RIGHTS = 1, MSG_CMSG_CLOEXEC = 0x40000000, MSG_NOSIGNAL = 0x4000;
    public const int F_DUPFD_CLOEXEC = 1030;

    /// <summary>
    /// A <c>sockaddr_un</c> for <paramref name="name"/>: a path (NUL-terminated), or with a leading <c>@</c> an abstract
    /// name (a NUL in place of the <c>@</c>, not terminated).
    /// </summary>
    public static byte[] UnixAddress(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        var isAbstract = name.StartsWith('@');
        if (isAbstract) bytes[0] = 0;
        var address = new byte[2 + bytes.Length + (isAbstract ? 0 : 1)];
        BinaryPrimitives.WriteUInt16LittleEndian(address, AF_UNIX);
        bytes.CopyTo(address, 2);
        return address;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public IntPtr Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MsgHdr
    {
        public IntPtr Name;
        public uint NameLength;
        public IntPtr Iov;
        public nuint IovLength;
        public IntPtr Control;
        public nuint ControlLength;
        public int Flags;
    }

    [DllImport(Name, SetLastError = true)]
    public static extern int socket(int domain, int type, int protocol);

    [DllImport(Name, SetLastError = true)]
    public static extern int bind(int fd, byte[] address, uint length);

    [DllImport(Name, SetLastError = true)]
    public static extern int connect(int fd, byte[] address, uint length);

    [DllImport(Name, SetLastError = true)]
    public static extern int listen(int fd, int backlog);

    [DllImport(Name, SetLastError = true)]
    public static extern int accept4(int fd, byte[]? address, ref uint length, int flags);

    [DllImport(Name, SetLastError = true)]
    public static extern int setsockopt(int fd, int level, int name, ref int value, uint length);

    [DllImport(Name, SetLastError = true)]
    public static extern int getsockopt(int fd, int level, int name, byte[] value, ref uint length);

    [DllImport(Name, SetLastError = true)]
    public static extern int getsockname(int fd, byte[] address, ref uint length);

    [DllImport(Name, SetLastError = true)]
    public static extern int getpeername(int fd, byte[] address, ref uint length);

    [DllImport(Name, SetLastError = true)]
    public static extern nint sendmsg(int fd, ref MsgHdr message, int flags);

    [DllImport(Name, SetLastError = true)]
    public static extern nint recvmsg(int fd, ref MsgHdr message, int flags);

    [DllImport(Name, SetLastError = true)]
    public static extern int mkfifo(IntPtr path, uint mode);

    [DllImport(Name, SetLastError = true)]
    public static extern int chown(IntPtr path, uint uid, uint gid);

    [DllImport(Name, SetLastError = true)]
    public static extern int open(IntPtr path, int flags, uint mode);
}
