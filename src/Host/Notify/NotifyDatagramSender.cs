using System.Runtime.InteropServices;
using System.Text;

namespace Platform.Host.Notify;

/// <summary>
/// Sends one sd_notify(3) datagram to a NOTIFY_SOCKET address (a path, or <c>@name</c> for the abstract
/// namespace) with sendmsg. Built on Marshal rather than .NET sockets so a systemd-notify start loads nothing
/// extra. The kernel attaches the sender's credentials for a receiver with SO_PASSCRED; <see cref="Send"/> can
/// instead claim another process (the caller), which the kernel allows to root only.
/// </summary>
internal static class NotifyDatagramSender
{
    private const int AfUnix = 1, SockDgram = 2, SockCloexec = 0x80000, SolSocket = 1, ScmCredentials = 2;
    private const int Eperm = 1, Esrch = 3, Einval = 22;
    private const int SockaddrSize = 112, IovSize = 16, MsgHdrSize = 56, CredsControlSize = 32;

    /// <summary>
    /// Sends <paramref name="message"/>; when <paramref name="asPid"/> is given, first as that process
    /// (SCM_CREDENTIALS with <paramref name="asUid"/>/<paramref name="asGid"/>), falling back to plain
    /// credentials when the kernel refuses. Returns 0 or an errno value.
    /// </summary>
    public static int Send(string address, string message, int? asPid = null, int asUid = -1, int asGid = -1)
    {
        var name = Encoding.UTF8.GetBytes(address.StartsWith('@') ? "\0" + address[1..] : address);
        if (name.Length == 0 || name.Length > 107 || (name[0] != 0 && name[0] != '/')) return Einval;
        var data = Encoding.UTF8.GetBytes(message);
        var block = Marshal.AllocHGlobal(SockaddrSize + IovSize + MsgHdrSize + CredsControlSize + data.Length);
        var fd = socket(AfUnix, SockDgram | SockCloexec, 0);
        if (fd < 0) { Marshal.FreeHGlobal(block); return Marshal.GetLastPInvokeError(); }
        try
        {
            nint addr = block, iov = addr + SockaddrSize, msg = iov + IovSize, control = msg + MsgHdrSize, buf = control
                + CredsControlSize;
            Zero(block, SockaddrSize + IovSize + MsgHdrSize + CredsControlSize);
            Marshal.WriteInt16(addr, AfUnix);
            Marshal.Copy(name, 0, addr + 2, name.Length);
            Marshal.Copy(data, 0, buf, data.Length);
            Marshal.WriteIntPtr(iov, buf);
            Marshal.WriteInt64(iov, 8, data.Length);
            Marshal.WriteIntPtr(msg, 0, addr);
            Marshal.WriteInt32(msg, 8, 2 + name.Length + (name[0] == 0 ? 0 : 1)); // paths carry their NUL
            Marshal.WriteIntPtr(msg, 16, iov);
            Marshal.WriteInt64(msg, 24, 1);
            if (asPid is { } pid)
            {
                Marshal.WriteInt64(control, 16 + 12);          // cmsg_len = CMSG_LEN(sizeof(struct ucred))
                Marshal.WriteInt32(control, 8, SolSocket);
                Marshal.WriteInt32(control, 12, ScmCredentials);
                Marshal.WriteInt32(control, 16, pid);
                Marshal.WriteInt32(control, 20, asUid >= 0 ? asUid : (int)getuid());
                Marshal.WriteInt32(control, 24, asGid >= 0 ? asGid : (int)getgid());
                Marshal.WriteIntPtr(msg, 32, control);
                Marshal.WriteInt64(msg, 40, CredsControlSize);
                if (sendmsg(fd, msg, 0) >= 0) return 0;
                var errno = Marshal.GetLastPInvokeError();
                if (errno != Eperm && errno != Esrch && errno != Einval) return errno;
                Marshal.WriteIntPtr(msg, 32, 0);            // not privileged: send as ourselves
                Marshal.WriteInt64(msg, 40, 0);
            }
            return sendmsg(fd, msg, 0) >= 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        finally
        {
            _ = close(fd);
            Marshal.FreeHGlobal(block);
        }
    }

    /// <summary>The pid of the process that started us.</summary>
    public static int ParentPid() => getppid();

    private static void Zero(nint p, int length)
    {
        for (var i = 0; i < length; i++) Marshal.WriteByte(p, i, 0);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int socket(int domain, int type, int protocol);

    [DllImport("libc", SetLastError = true)]
    private static extern nint sendmsg(int fd, nint msg, int flags);

    [DllImport("libc")]
    private static extern int close(int fd);

    [DllImport("libc")]
    private static extern int getppid();

    [DllImport("libc")]
    private static extern uint getuid();

    [DllImport("libc")]
    private static extern uint getgid();
}
