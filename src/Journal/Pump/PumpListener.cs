using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Journal.Pump;

/// <summary>
/// The pump's listening stream socket. SO_PASSCRED is set before listen so every accepted stream reports the
/// writer of each read; the socket is world-writable like journald's, since services of any user log through it.
/// </summary>
internal sealed unsafe class PumpListener : IDisposable
{
    private const int Backlog = 4096;

    private PumpListener(string path, int fd)
    {
        Path = path;
        Fd = fd;
    }

    public string Path { get; }
    public int Fd { get; private set; }

    /// <summary>
    /// Binds <paramref name="path"/>, replacing a stale socket file there (the caller holds the pump lock).
    /// </summary>
    public static PumpListener Bind(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return new PumpListener(path, Open(path));
    }

    /// <summary>Removes the socket's name so no new stream can connect (the first step of an idle exit).</summary>
    public void Unlink()
    {
        try { File.Delete(Path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Listens on a fresh socket under the same name again (a stream arrived during an idle exit).</summary>
    public void Rebind()
    {
        LibC.close(Fd);
        Fd = Open(Path);
    }

    /// <summary>Accepts one pending stream as a non-blocking descriptor; -1 when none is waiting.</summary>
    public int Accept(out int errno)
    {
        while (true)
        {
            var fd = LibC.accept4(Fd, null, null, LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC);
            errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
            if (fd < 0 && (errno == LibC.EINTR || errno == LibC.ECONNABORTED)) continue;
            return fd;
        }
    }

    public void Dispose()
    {
        if (Fd < 0) return;
        LibC.close(Fd);
        Fd = -1;
        Unlink();
    }

    private static int Open(string path)
    {
        Span<byte> address = stackalloc byte[UnixAddress.Size];
        var length = UnixAddress.Fill(address, path);
        var fd = LibC.socket(LibC.AF_UNIX,
            LibC.SOCK_STREAM | LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC, 0);
        if (fd < 0) throw Failure("socket", path);
        var one = 1;
        LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_PASSCRED, &one, sizeof(int));
        try { File.Delete(path); }
        catch (IOException) { }
        fixed (byte* a = address)
        {
            if (LibC.bind(fd, a, length) != 0)
            {
                var e = Failure("bind", path);
                LibC.close(fd);
                throw e;
            }
        }
        File.SetUnixFileMode(path, (UnixFileMode)0b110_110_110);
        if (LibC.listen(fd, Backlog) != 0)
        {
            var e = Failure("listen", path);
            LibC.close(fd);
            throw e;
        }
        return fd;
    }

    private static IOException Failure(string call, string path)
        => new($"{call}({path}): {LibC.StrError(Marshal.GetLastPInvokeError())}");
}
