using System.Runtime.InteropServices;
using Platform.Abstractions;
using Platform.Interop;

namespace Platform.Notifiers;

/// <summary>
/// The sd_notify(3) transport: one AF_UNIX datagram socket per unit at <c>{RunDirectory}/notify.{unit}</c>
/// (an abstract <c>@platform/notify/…</c> address when that path is longer than sun_path allows), with
/// SO_PASSCRED so each message carries the sender's pid, uid and gid.
/// </summary>
[ExportNotifyTransport("unix")]
public sealed class UnixNotifyTransport : INotifyTransport
{
    /// <inheritdoc />
    public INotifyEndpoint CreateEndpoint(NotifyEndpointContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var unit = context.Unit.Name;
        if (unit.Length == 0 || unit.Contains('/') || unit.Contains('\0'))
            throw new ArgumentException($"invalid unit name for a notify socket: {unit}");
        var fd = LibC.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC | LibC.SOCK_NONBLOCK, 0);
        if (fd < 0) throw new IOException("cannot create notify socket: "
            + LibC.StrError(Marshal.GetLastPInvokeError()));
        var socket = new SocketHandle(fd);
        try
        {
            EnablePassCred(socket);
            var path = NotifyAddress.FilePath(context.RunDirectory, unit);
            string address;
            ulong inode = 0;
            if (NotifyAddress.FitsSunPath(path))
            {
                SocketFile.BindPath(socket, path, context.OwnerUid, context.OwnerGid);
                address = path;
                inode = SocketFile.Inode(path);
            }
            else
            {
                address = BindAbstract(socket, path);
            }
            // Anything queued now was sent before the file had its final owner and mode, or by a previous
            // instance of the service: none of it is for this endpoint, whose address nobody has been told yet.
            for (var i = 0; i < 256 && CredentialedReceiver.TryReceive(socket,
                out _) != CredentialedReceiver.Outcome.Empty; i++) { }
            return new UnixNotifyEndpoint(socket, address, inode == 0 ? null : path, inode);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static unsafe void EnablePassCred(SocketHandle socket)
    {
        var on = 1;
        if (LibC.setsockopt(socket.Fd, LibC.SOL_SOCKET, LibC.SO_PASSCRED, &on, sizeof(int)) != 0)
            throw new IOException("cannot enable SO_PASSCRED on notify socket: "
                + LibC.StrError(Marshal.GetLastPInvokeError()));
    }

    // Abstract names vanish with their socket, so nothing stale can block them; a live holder (an endpoint
    // for the same unit in another process) gets a pid-qualified name instead, like the file case replacing it.
    private static string BindAbstract(SocketHandle socket, string path)
    {
        var address = NotifyAddress.AbstractFor(path);
        var errno = SocketFile.TryBind(socket, address);
        if (errno == LibC.EADDRINUSE)
        {
            address = NotifyAddress.AbstractFor(path, Environment.ProcessId);
            errno = SocketFile.TryBind(socket, address);
        }
        if (errno != 0) throw new IOException($"cannot bind notify socket {address}: {LibC.StrError(errno)}");
        return address;
    }
}
