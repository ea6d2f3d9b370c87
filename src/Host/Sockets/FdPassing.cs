using System.Runtime.InteropServices;
using System.Text;
using Platform.Interop;

namespace Platform.Host.Sockets;

/// <summary>One message with descriptors attached (SCM_RIGHTS) over a unix socket, in both directions.</summary>
internal static class FdPassing
{
    public const int MaxFds = 253; // SCM_MAX_FD

    public static unsafe bool Send(int socket, string text, IReadOnlyList<int> fds)
    {
        var payload = Encoding.UTF8.GetBytes(text.Length == 0 ? "\n" : text);
        var control = new byte[fds.Count == 0 ? 0 : ControlMessages.Space(4 * fds.Count)];
        if (fds.Count > 0)
            ControlMessages.Write(control, LibC.SOL_SOCKET, LibC.SCM_RIGHTS, MemoryMarshal.AsBytes<int>(fds.ToArray()));
        fixed (byte* data = payload)
        fixed (byte* ctl = control)
        {
            var iov = new IoVec { Base = data, Length = (nuint)payload.Length };
            var msg = new MsgHdr
            {
                Iov = &iov, IovLen = 1, Control = fds.Count == 0 ? null : ctl, ControlLen = (nuint)control.Length,
            };
            return LibC.sendmsg(socket, ref msg, LibC.MSG_NOSIGNAL) >= 0;
        }
    }

    /// <summary>Receives one message; the descriptors arrive close-on-exec. Null when the peer sent nothing.</summary>
    public static unsafe (string Text, List<int> Fds)? Receive(int socket)
    {
        var payload = new byte[64 * 1024];
        var control = new byte[ControlMessages.Space(4 * MaxFds)];
        fixed (byte* data = payload)
        fixed (byte* ctl = control)
        {
            var iov = new IoVec { Base = data, Length = (nuint)payload.Length };
            var msg = new MsgHdr { Iov = &iov, IovLen = 1, Control = ctl, ControlLen = (nuint)control.Length };
            nint n;
            do n = LibC.recvmsg(socket, ref msg, LibC.MSG_CMSG_CLOEXEC);
            while (n < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR);
            if (n <= 0) return null;
            var fds = new List<int>();
            var offset = 0;
            var received = control.AsSpan(0, (int)msg.ControlLen);
            while (ControlMessages.Next(received, ref offset, out var level, out var type, out var carried))
                if (level == LibC.SOL_SOCKET && type == LibC.SCM_RIGHTS)
                    fds.AddRange(MemoryMarshal.Cast<byte, int>(carried));
            return (Encoding.UTF8.GetString(payload, 0, (int)n), fds);
        }
    }
}
