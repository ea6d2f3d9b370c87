using System.Runtime.InteropServices;
using Platform.Notifiers.Native;

namespace Platform.Notifiers;

/// <summary>Binding a socket to an address and the file-system side of path sockets.</summary>
internal static unsafe class SocketFile
{
    /// <summary>Binds to a NOTIFY_SOCKET-style address; returns the errno on failure (0 on success).</summary>
    public static int TryBind(SocketHandle socket, string address)
    {
        var sockaddr = stackalloc byte[Libc.SockaddrUnSize];
        var length = NotifyAddress.Encode(address, new Span<byte>(sockaddr, Libc.SockaddrUnSize));
        return Libc.bind(socket.Fd, sockaddr, length) == 0 ? 0 : Marshal.GetLastPInvokeError();
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
            if (Libc.unlink(path) != 0 && Marshal.GetLastPInvokeError() is var e && e != Libc.ENOENT)
                throw new IOException($"cannot replace notify socket {path}: {Libc.Describe(e)}");
            errno = TryBind(socket, path);
            if (errno != Libc.EADDRINUSE) break;
        }
        if (errno != 0) throw new IOException($"cannot bind notify socket {path}: {Libc.Describe(errno)}");
        if (Libc.chmod(path, 0b110_000_000) != 0)
            throw Failure("restrict", path, uid, gid);
        if ((uid is not null || gid is not null) && Libc.chown(path, uid ?? -1, gid ?? -1) != 0)
            throw Failure("hand over", path, uid, gid);
    }

    /// <summary>The inode number of a path (not following links), or 0 when it does not exist.</summary>
    public static ulong Inode(string path)
    {
        var statx = stackalloc byte[256];
        if (Libc.statx(Libc.AT_FDCWD, path, Libc.AT_SYMLINK_NOFOLLOW, Libc.STATX_INO, statx) != 0) return 0;
        return *(ulong*)(statx + 32); // struct statx: stx_ino follows 32 bytes of mask, sizes and attributes
    }

    private static IOException Failure(string verb, string path, int? uid, int? gid)
    {
        var errno = Marshal.GetLastPInvokeError();
        Libc.unlink(path);
        return new IOException(
            $"cannot {verb} notify socket {path} (uid {uid?.ToString() ?? "-"}, gid {gid?.ToString() ?? "-"}): "
            + $"{Libc.Describe(errno)}");
    }
}
