using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Journal.Pump;

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
        var iov = new IoVec { Base = buffer, Length = (nuint)size };
        var msg = new MsgHdr { Iov = &iov, IovLen = 1, Control = control, ControlLen = ControlSize };
        var n = LibC.recvmsg(fd, &msg, LibC.MSG_CMSG_CLOEXEC);
        credentials = default;
        if (n < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            closed = errno is not (LibC.EAGAIN or LibC.EINTR);
            return 0;
        }
        closed = n == 0;
        credentials = PeerCredentials.Parse(control, (int)msg.ControlLen);
        return (int)n;
    }
}
