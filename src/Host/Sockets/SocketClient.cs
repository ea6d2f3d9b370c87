using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Host.Sockets;

/// <summary>
/// The starting systemctl's side of a holder's control socket: one request, one answer with descriptors.
/// </summary>
internal static class SocketClient
{
    /// <summary>Asks the holder at <paramref name="path"/>; null when no holder answers there.</summary>
    public static (string Text, List<int> Fds)? Ask(string path, string request)
    {
        var fd = LibC.socket(LibC.AF_UNIX, LibC.SOCK_SEQPACKET | LibC.SOCK_CLOEXEC, 0);
        if (fd < 0) return null;
        try
        {
            var address = UnixAddress.Build(path);
            if (LibC.connect(fd, address, (uint)address.Length) < 0) return null;
            if (!FdPassing.Send(fd, request, [])) return null;
            var ready = new[] { new PollFd { Fd = fd, Events = LibC.POLLIN } };
            int rc;
            do rc = LibC.poll(ready, 1, 5000);
            while (rc < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR);
            return rc > 0 ? FdPassing.Receive(fd) : null;
        }
        finally { _ = LibC.close(fd); }
    }
}
