using System.Runtime.InteropServices;
using System.Text;
using Platform.Host.Exec.Native;

namespace Platform.Host.Sockets;

/// <summary>One message with descriptors attached (SCM_RIGHTS) over a unix socket, in both directions.</summary>
internal static class FdPassing
{
    private const int HeaderSize = 16; // struct cmsghdr on 64-bit Linux: size_t len, int level, int type
    public const int MaxFds = 253; // SCM_MAX_FD

    public static unsafe bool Send(int socket, string text, IReadOnlyList<int> fds)
    {
        var payload = Encoding.UTF8.GetBytes(text.Length == 0 ? "\n" : text);
        var space = Align(HeaderSize + 4 * fds.Count);
        var control = new byte[fds.Count == 0 ? 0 : space];
        if (fds.Count > 0)
        {
            BitConverter.TryWriteBytes(control.AsSpan(0, 8), (ulong)(HeaderSize + 4 * fds.Count));
            BitConverter.TryWriteBytes(control.AsSpan(8, 4), LibC.SOL_SOCKET);
            BitConverter.TryWriteBytes(control.AsSpan(12, 4), LibC.SCM_RIGHTS);
            for (var i = 0; i < fds.Count; i++)
                BitConverter.TryWriteBytes(control.AsSpan(HeaderSize + 4 * i, 4), fds[i]);
        }
        fixed (byte* data = payload)
        fixed (byte* ctl = control)
        {
            var iov = new LibC.IoVec { Base = (IntPtr)data, Length = (nuint)payload.Length };
            var msg = new LibC.MsgHdr { Iov = (IntPtr)(&iov), IovLength = 1,
                Control = fds.Count == 0 ? IntPtr.Zero : (IntPtr)ctl, ControlLength = (nuint)control.Length };
            return LibC.sendmsg(socket, ref msg, LibC.MSG_NOSIGNAL) >= 0;
        }
    }

    /// <summary>Receives one message; the descriptors arrive close-on-exec. Null when the peer sent nothing.</summary>
    public static unsafe (string Text, List<int> Fds)? Receive(int socket)
    {
        var payload = new byte[64 * 1024];
        var control = new byte[Align(HeaderSize + 4 * MaxFds)];
        fixed (byte* data = payload)
        fixed (byte* ctl = control)
        {
            var iov = new LibC.IoVec { Base = (IntPtr)data, Length = (nuint)payload.Length };
            var msg = new LibC.MsgHdr { Iov = (IntPtr)(&iov), IovLength = 1, Control = (IntPtr)ctl,
                ControlLength = (nuint)control.Length };
            nint n;
            do n = LibC.recvmsg(socket, ref msg, LibC.MSG_CMSG_CLOEXEC);
            while (n < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR);
            if (n <= 0) return null;
            var fds = new List<int>();
            var offset = 0;
            while (offset + HeaderSize <= (int)msg.ControlLength)
            {
                var length = (int)BitConverter.ToUInt64(control, offset);
                if (length < HeaderSize) break;
                if (BitConverter.ToInt32(control, offset + 8) == LibC.SOL_SOCKET
                    && BitConverter.ToInt32(control, offset + 12) == LibC.SCM_RIGHTS)
                    for (var p = offset + HeaderSize; p + 4 <= offset + length; p += 4)
                        fds.Add(BitConverter.ToInt32(control, p));
                offset += Align(length);
            }
            return (Encoding.UTF8.GetString(payload, 0, (int)n), fds);
        }
    }

    private static int Align(int n) => (n + 7) & ~7;
}
