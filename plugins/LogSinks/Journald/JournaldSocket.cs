using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.LogSinks.Journald;

/// <summary>
/// An unconnected datagram socket sending to journald's native socket. Entries too large for one datagram are
/// written to a sealed memfd whose descriptor travels alone with SCM_RIGHTS, as journald's protocol allows.
/// </summary>
internal sealed unsafe class JournaldSocket : IDisposable
{
    private readonly byte[] _address;
    private readonly int _fd;

    public JournaldSocket(string path)
    {
        _address = UnixAddress.Build(path);
        _fd = LibC.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
        if (_fd < 0) throw new IOException("socket: " + LibC.StrError(Marshal.GetLastPInvokeError()));
        var size = 8 << 20;
        LibC.setsockopt(_fd, LibC.SOL_SOCKET, LibC.SO_SNDBUF, &size, sizeof(int));
        // A stalled journald must not hold the sink thread forever.
        var timeout = stackalloc long[2] { 1, 0 };
        LibC.setsockopt(_fd, LibC.SOL_SOCKET, LibC.SO_SNDTIMEO, timeout, 16);
    }

    /// <summary>Sends one entry; returns 0 or the errno of the failure.</summary>
    public int Send(ReadOnlySpan<byte> entry)
    {
        fixed (byte* data = entry)
        {
            var iov = new IoVec { Base = data, Length = (nuint)entry.Length };
            var errno = SendMessage(&iov, 1, null, 0);
            return errno is LibC.EMSGSIZE or LibC.ENOBUFS ? SendViaMemfd(entry) : errno;
        }
    }

    private int SendViaMemfd(ReadOnlySpan<byte> entry)
    {
        var memfd = LibC.memfd_create("journal-entry", LibC.MFD_CLOEXEC | LibC.MFD_ALLOW_SEALING);
        if (memfd < 0) return Marshal.GetLastPInvokeError();
        try
        {
            fixed (byte* data = entry)
                for (var done = 0; done < entry.Length;)
                {
                    var n = LibC.write(memfd, data + done, entry.Length - done);
                    if (n <= 0) return Marshal.GetLastPInvokeError();
                    done += (int)n;
                }
            if (LibC.fcntl(memfd, LibC.F_ADD_SEALS,
                    LibC.F_SEAL_SEAL | LibC.F_SEAL_SHRINK | LibC.F_SEAL_GROW | LibC.F_SEAL_WRITE) != 0)
                return Marshal.GetLastPInvokeError();
            var space = ControlMessages.Space(sizeof(int));
            var control = stackalloc byte[space];
            var length = ControlMessages.Write(new Span<byte>(control, space), LibC.SOL_SOCKET, LibC.SCM_RIGHTS,
                BitConverter.GetBytes(memfd));
            return SendMessage(null, 0, control, length);
        }
        finally
        {
            LibC.close(memfd);
        }
    }

    private int SendMessage(IoVec* iov, int iovCount, byte* control, int controlLength)
    {
        fixed (byte* name = _address)
        {
            var msg = new MsgHdr
            {
                Name = name, NameLen = (uint)_address.Length, Iov = iov, IovLen = (nuint)iovCount,
                Control = control, ControlLen = (nuint)controlLength,
            };
            while (true)
            {
                if (LibC.sendmsg(_fd, &msg, LibC.MSG_NOSIGNAL) >= 0) return 0;
                var errno = Marshal.GetLastPInvokeError();
                if (errno != LibC.EINTR) return errno;
            }
        }
    }

    public void Dispose() => LibC.close(_fd);
}
