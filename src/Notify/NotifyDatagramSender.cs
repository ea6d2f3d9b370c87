using System.Runtime.InteropServices;
using System.Text;
using Platform.Interop;

namespace Platform.Notify;

/// <summary>
/// Sends one sd_notify(3) datagram to a NOTIFY_SOCKET address (a path, or <c>@name</c> for the abstract
/// namespace) with sendmsg. Built on the raw call rather than .NET sockets so a systemd-notify start loads nothing
/// extra. The kernel attaches the sender's credentials for a receiver with SO_PASSCRED; <see cref="Send"/> can
/// instead claim another process (the caller), which the kernel allows to root only.
/// </summary>
internal static unsafe class NotifyDatagramSender
{
    /// <summary>
    /// Sends <paramref name="message"/>; when <paramref name="asPid"/> is given, first as that process
    /// (SCM_CREDENTIALS with <paramref name="asUid"/>/<paramref name="asGid"/>), falling back to plain
    /// credentials when the kernel refuses. Returns 0 or an errno value.
    /// </summary>
    public static int Send(string address, string message, int? asPid = null, int asUid = -1, int asGid = -1)
    {
        if (address.Length == 0 || address[0] is not ('@' or '/')) return LibC.EINVAL;
        var name = stackalloc byte[UnixAddress.Size];
        int nameLength;
        try { nameLength = UnixAddress.Fill(new Span<byte>(name, UnixAddress.Size), address); }
        catch (IOException) { return LibC.EINVAL; }
        var data = Encoding.UTF8.GetBytes(message);
        var fd = LibC.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
        if (fd < 0) return Marshal.GetLastPInvokeError();
        try
        {
            fixed (byte* buffer = data)
            {
                var iov = new IoVec { Base = buffer, Length = (nuint)data.Length };
                var msg = new MsgHdr { Name = name, NameLen = (uint)nameLength, Iov = &iov, IovLen = 1 };
                if (asPid is { } pid)
                {
                    var credentials = new UCred
                    {
                        Pid = pid,
                        Uid = asUid >= 0 ? (uint)asUid : LibC.getuid(),
                        Gid = asGid >= 0 ? (uint)asGid : LibC.getgid(),
                    };
                    var space = ControlMessages.Space(UCred.Size);
                    var control = stackalloc byte[space];
                    var length = ControlMessages.Write(new Span<byte>(control, space), LibC.SOL_SOCKET,
                        LibC.SCM_CREDENTIALS,
                        new ReadOnlySpan<byte>(&credentials, UCred.Size));
                    msg.Control = control;
                    msg.ControlLen = (nuint)length;
                    if (LibC.sendmsg(fd, &msg, 0) >= 0) return 0;
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno is not (LibC.EPERM or LibC.ESRCH or LibC.EINVAL)) return errno;
                    msg.Control = null; // not privileged: send as ourselves
                    msg.ControlLen = 0;
                }
                return LibC.sendmsg(fd, &msg, 0) >= 0 ? 0 : Marshal.GetLastPInvokeError();
            }
        }
        finally
        {
            LibC.close(fd);
        }
    }

    /// <summary>The pid of the process that started us.</summary>
    public static int ParentPid() => LibC.getppid();
}
