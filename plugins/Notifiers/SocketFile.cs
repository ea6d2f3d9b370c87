using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Notifiers;

/// <summary>Binding a socket to an address and the file-system side of path sockets.</summary>
internal static unsafe class SocketFile
{
    /// <summary>Binds to a NOTIFY_SOCKET-style address; returns the errno on failure (0 on success).</summary>
    public static int TryBind(SocketHandle socket, string address)
    {
        var sockaddr = stackalloc byte[UnixAddress.Size];
        var length = UnixAddress.Fill(new Span<byte>(sockaddr, UnixAddress.Size), address);
        return LibC.bind(socket.Fd, sockaddr, length) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>
    /// Binds a file socket at <paramref name="path"/>, replacing whatever an earlier process left there,
    /// then restricts it to mode 0600 and hands it to the service's user/group (writing to a socket file
    /// needs write permission, so only root and that owner can send).
    /// </summary>
    public static void BindPath(SocketHandle socket, string path, int? uid, int? gid)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var errno = 0;
        // A second attempt covers a concurrent process that bound the path between our unlink and bind.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (LibC.unlink(path) != 0 && Marshal.GetLastPInvokeError() is var e && e != LibC.ENOENT)
                throw new IOException($"cannot replace notify socket {path}: {LibC.StrError(e)}");
            errno = TryBind(socket, path);
            if (errno != LibC.EADDRINUSE) break;
        }
        if (errno != 0) throw new IOException($"cannot bind notify socket {path}: {LibC.StrError(errno)}");
        if (LibC.chmod(path, 0b110_000_000) != 0)
            throw Failure("restrict", path, uid, gid);
        // chown(2) leaves an id of -1 unchanged.
        if ((uid is not null || gid is not null) && LibC.chown(path, (uint)(uid ?? -1), (uint)(gid ?? -1)) != 0)
            throw Failure("hand over", path, uid, gid);
    }

    /// <summary>The inode number of a path (not following links), or 0 when it does not exist.</summary>
    public static ulong Inode(string path)
    {
        StatxBuffer status;
        return LibC.statx(LibC.AT_FDCWD, path, LibC.AT_SYMLINK_NOFOLLOW, LibC.STATX_INO, &status) == 0
            ? status.Inode : 0;
    }

    private static IOException Failure(string verb, string path, int? uid, int? gid)
    {
        var errno = Marshal.GetLastPInvokeError();
        LibC.unlink(path);
        return new IOException(
            $"cannot {verb} notify socket {path} (uid {uid?.ToString() ?? "-"}, gid {gid?.ToString() ?? "-"}): "
            + $"{LibC.StrError(errno)}");
    }
}
