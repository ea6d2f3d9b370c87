using System.Runtime.InteropServices;
using Platform.Host.Journal.Native;

namespace Platform.Host.Journal.Pump;

/// <summary>One recvmsg(2) on a stream: the bytes and, from SCM_CREDENTIALS, the process that wrote them.</summary>
internal static unsafe class StreamReceive
{
    private const int ControlSize = 64;

    /// <summary>
    /// Bytes read into <paramref name="buffer"/> (0 when nothing was ready); <paramref name="closed"/> at end of stream
    /// or on error.
    /// </summary>
    public static int Receive(int fd, byte* buffer, int size, out PeerCredentials credentials, out bool closed)
    {
        var control = stackalloc byte[ControlSize];
        var iov = new IoVector { Base = buffer, Length = (nuint)size };
        var msg = new MsgHeader { Iov = &iov, IovLen = 1, Control = control, ControlLen = ControlSize };
        var n = JournalLibc.recvmsg(fd, &msg, JournalLibc.MSG_CMSG_CLOEXEC);
        credentials = default;
        if (n < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            closed = errno is not (JournalLibc.EAGAIN or JournalLibc.EINTR);
            return 0;
        }
        closed = n == 0;
        credentials = PeerCredentials.Parse(control, (int)msg.ControlLen);
        return (int)n;
    }
}
