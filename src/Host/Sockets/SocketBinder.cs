using System.Runtime.InteropServices;
using Platform.Exec;
using Platform.Interop;

namespace Platform.Host.Sockets;

/// <summary>
/// Creates a socket unit's listeners as systemd's socket_open_fds() does: parent folders with DirectoryMode=, stale
/// socket files replaced, SO_REUSEADDR, the unit's socket options, bind, listen(Backlog=), SocketMode=, SocketUser=/
/// SocketGroup=, then Symlinks= to the first unix path. Descriptors are close-on-exec and non-blocking, as systemd's.
/// Unix paths and FIFOs are relocated under <c>--root</c> like the manager's other runtime files.
/// </summary>
internal static class SocketBinder
{
    /// <summary>
    /// Opens every listener; on failure closes what was opened and throws IOException with systemd's wording.
    /// </summary>
    public static List<int> Open(SocketSettings settings, Func<string, string> under)
    {
        var fds = new List<int>();
        try
        {
            foreach (var listen in settings.Listen) fds.Add(OpenOne(settings, listen, under));
            if (settings.Symlinks.Count > 0 && settings.Listen.FirstOrDefault(l =>
                l.IsUnixPath || l.Kind == ListenKind.FIFO) is { } first)
                foreach (var link in settings.Symlinks) Symlink(under(link), under(first.Text), settings);
        }
        catch
        {
            foreach (var fd in fds) _ = LibC.close(fd);
            throw;
        }
        return fds;
    }

    /// <summary>RemoveOnStop=: the socket files, FIFOs and symlinks go when the unit stops.</summary>
    public static void Remove(SocketSettings settings, Func<string, string> under)
    {
        foreach (var link in settings.Symlinks) TryDelete(under(link));
        foreach (var listen in settings.Listen)
            if (listen.IsUnixPath || listen.Kind == ListenKind.FIFO) TryDelete(under(listen.Text));
    }

    private static int OpenOne(SocketSettings settings, SocketListen listen, Func<string, string> under)
    {
        if (listen.Kind == ListenKind.FIFO) return OpenFifo(settings, under(listen.Text));
        var path = listen.IsUnixPath ? under(listen.Text) : null;
        if (path is not null)
        {
            CreateParents(path, settings.DirectoryMode);
            // As systemd's sockaddr_un_unlink(): whatever is at the path (a socket file of an earlier run) would make
            // bind fail.
            TryDelete(path);
        }
        var fd = LibC.socket(listen.Family, listen.SocketType | LibC.SOCK_CLOEXEC | LibC.SOCK_NONBLOCK, 0);
        if (fd < 0) throw Failure(listen);
        try
        {
            if (listen.Family is LibC.AF_INET or LibC.AF_INET6) Option(fd, LibC.SOL_SOCKET, LibC.SO_REUSEADDR, 1);
            if (listen.Family == LibC.AF_INET6 && settings.BindIPv6Only is "both" or "ipv6-only")
                Option(fd, LibC.IPPROTO_IPV6, LibC.IPV6_V6ONLY, settings.BindIPv6Only == "ipv6-only" ? 1 : 0);
            if (settings.ReusePort) Option(fd, LibC.SOL_SOCKET, LibC.SO_REUSEPORT, 1);
            if (settings.FreeBind && listen.Family == LibC.AF_INET) Option(fd, LibC.IPPROTO_IP, LibC.IP_FREEBIND, 1);
            if (settings.FreeBind && listen.Family == LibC.AF_INET6)
                Option(fd, LibC.IPPROTO_IPV6, LibC.IPV6_FREEBIND, 1);
            if (settings.PassCredentials) Option(fd, LibC.SOL_SOCKET, LibC.SO_PASSCRED, 1);
            var address = listen.SockAddr(path);
            // The socket file is created with SocketMode= already (bind honours the umask), then set exactly.
            var old = path is null ? 0u : LibC.umask(~settings.SocketMode & 0x1FF);
            int rc;
            try { rc = LibC.bind(fd, address, (uint)address.Length); }
            finally { if (path is not null) _ = LibC.umask(old); }
            if (rc < 0) throw Failure(listen);
            if (listen.SocketType != LibC.SOCK_DGRAM && LibC.listen(fd, Math.Min(settings.Backlog, 4096)) < 0)
                throw Failure(listen);
            if (path is not null)
            {
                File.SetUnixFileMode(path, (UnixFileMode)settings.SocketMode);
                Chown(path, settings);
            }
            return fd;
        }
        catch
        {
            _ = LibC.close(fd);
            throw;
        }
    }

    private static int OpenFifo(SocketSettings settings, string path)
    {
        CreateParents(path, settings.DirectoryMode);
        var old = LibC.umask(~settings.SocketMode & 0x1FF);
        try
        {
            if (LibC.mkfifo(path, settings.SocketMode) < 0 && Marshal.GetLastPInvokeError() != LibC.EEXIST)
                throw new IOException($"Failed to create FIFO {path}: {LibC.StrError(Marshal.GetLastPInvokeError())}");
        }
        finally { _ = LibC.umask(old); }
        // Opened for reading and writing, so the FIFO never reports end of file while no writer is connected.
        var fd = LibC.open(path, LibC.O_RDWR | LibC.O_CLOEXEC | LibC.O_NOCTTY | LibC.O_NONBLOCK, 0);
        if (fd < 0) throw new IOException(
            $"Failed to open FIFO {path}: {LibC.StrError(Marshal.GetLastPInvokeError())}");
        Chown(path, settings);
        return fd;
    }

    private static void Option(int fd, int level, int name, int value)
    {
        if (LibC.setsockopt(fd, level, name, ref value, sizeof(int)) < 0)
            throw new IOException($"Failed to set socket option: {LibC.StrError(Marshal.GetLastPInvokeError())}");
    }

    private static IOException Failure(SocketListen listen)
        => new($"Failed to create listening socket ({listen.Display}): {LibC.StrError(Marshal.GetLastPInvokeError())}");

    private static void Chown(string path, SocketSettings settings)
    {
        if (settings.SocketUser is null && settings.SocketGroup is null) return;
        uint uid = uint.MaxValue, gid = uint.MaxValue;
        if (settings.SocketUser is { } user)
        {
            var entry = PasswdDatabase.FindUser(user) ?? throw new IOException(
                $"Failed to resolve user {user}: No such process");
            uid = entry.Uid;
            if (settings.SocketGroup is null) gid = entry.Gid;
        }
        if (settings.SocketGroup is { } group)
            gid = PasswdDatabase.FindGroup(group) ?? throw new IOException(
                $"Failed to resolve group {group}: No such process");
        if (LibC.chown(path, uid, gid) < 0)
            throw new IOException($"Failed to chown socket {path}: {LibC.StrError(Marshal.GetLastPInvokeError())}");
    }

    private static void Symlink(string link, string target, SocketSettings settings)
    {
        CreateParents(link, settings.DirectoryMode);
        TryDelete(link);
        File.CreateSymbolicLink(link, target);
    }

    private static void CreateParents(string path, uint mode)
    {
        var parent = Path.GetDirectoryName(path);
        if (parent is not null && !Directory.Exists(parent)) Directory.CreateDirectory(parent, (UnixFileMode)mode);
    }

    private static void TryDelete(string path)
    {
        try { if (!Directory.Exists(path)) File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
