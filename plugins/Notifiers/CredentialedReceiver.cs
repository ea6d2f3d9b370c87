using System.Buffers;
using System.Runtime.InteropServices;
using Platform.Abstractions;
using Platform.Interop;

namespace Platform.Notifiers;

/// <summary>
/// Reads one datagram with recvmsg so the kernel's SCM_CREDENTIALS (pid, uid, gid of the sender) come with it;
/// .NET's Socket API drops that ancillary data. Never blocks: the socket is read with MSG_DONTWAIT.
/// </summary>
internal static unsafe class CredentialedReceiver
{
    /// <summary>
    /// Largest datagram accepted whole (systemd itself stops at 4096 bytes); longer ones are dropped.
    /// </summary>
    public const int MaxDatagram = 64 * 1024;

    // cmsghdr is 16 bytes on 64-bit; ucred needs CMSG_SPACE(12) = 32 and SCM_RIGHTS at most 253 fds
    // (SCM_MAX_FD) = CMSG_SPACE(1012) = 1032: the buffer holds both, so the kernel never truncates fds.
    private const int ControlSize = 2048;

    /// <summary>What one read attempt produced.</summary>
    public enum Outcome { Message, Empty, Skipped }

    /// <summary>
    /// Receives the next queued datagram. <see cref="Outcome.Empty"/> means nothing is queued;
    /// <see cref="Outcome.Skipped"/> means one datagram was consumed and discarded (it carried fds, which are
    /// closed, or it was empty or truncated). Throws <see cref="IOException"/> on socket errors.
    /// </summary>
    public static Outcome TryReceive(SocketHandle socket, out NotifyMessage? message)
    {
        // Rented per read rather than held per endpoint: a PID-1 init may keep hundreds of endpoints open.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        try
        {
            return TryReceive(socket, buffer, out message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Outcome TryReceive(SocketHandle socket, byte[] buffer, out NotifyMessage? message)
    {
        message = null;
        byte* control = stackalloc byte[ControlSize];
        fixed (byte* data = buffer)
        {
            var iov = new IoVec { Base = data, Length = (nuint)buffer.Length };
            var hdr = new MsgHdr { Iov = &iov, IovLen = 1, Control = control, ControlLen = ControlSize };
            nint n;
            do n = LibC.recvmsg(socket, &hdr, LibC.MSG_DONTWAIT | LibC.MSG_CMSG_CLOEXEC);
            while (n < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR);
            if (n < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == LibC.EAGAIN) return Outcome.Empty;
                throw new IOException("notify socket: recvmsg failed: " + LibC.StrError(errno));
            }

            int pid = -1, uid = -1, gid = -1;
            var carriedFds = CloseFdsAndReadCredentials(control, (int)hdr.ControlLen, ref pid, ref uid, ref gid);
            if (carriedFds || n == 0 || (hdr.Flags & (LibC.MSG_TRUNC | LibC.MSG_CTRUNC)) != 0)
                return Outcome.Skipped;
            message = NotifyMessage.Parse(new ReadOnlySpan<byte>(data, (int)n), pid, uid, gid);
            return Outcome.Message;
        }
    }

    private static bool CloseFdsAndReadCredentials(byte* control, int length, ref int pid, ref int uid, ref int gid)
    {
        var carriedFds = false;
        var messages = new ReadOnlySpan<byte>(control, length);
        var offset = 0;
        while (ControlMessages.Next(messages, ref offset, out var level, out var type, out var data))
        {
            if (level != LibC.SOL_SOCKET) continue;
            if (type == LibC.SCM_CREDENTIALS && UCred.From(data) is { } cred)
                (pid, uid, gid) = (cred.Pid, (int)cred.Uid, (int)cred.Gid);
            else if (type == LibC.SCM_RIGHTS)
            {
                carriedFds = true;
                ControlMessages.CloseDescriptors(data);
            }
        }
        return carriedFds;
    }
}
