using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Host.Paths;

/// <summary>
/// One inotify descriptor in an epoll set with a wake-up eventfd: what a path unit waits on. Watches are added by path
/// and remembered by descriptor, so an event can be told apart as "on the path itself" or "on a folder above it".
/// </summary>
internal sealed class InotifySet : IDisposable
{
    private readonly int _fd;
    private readonly EpollSet _epoll = new();
    private readonly IntPtr _buffer = Marshal.AllocHGlobal(BufferSize);
    private const int BufferSize = 64 * 1024;

    public InotifySet()
    {
        _fd = LibC.inotify_init1(LibC.IN_NONBLOCK | LibC.IN_CLOEXEC);
        if (_fd < 0) throw new IOException("inotify_init1: " + Marshal.GetLastPInvokeError());
        _epoll.Add(_fd);
    }

    /// <summary>
    /// Adds (or updates) a watch; returns its descriptor, or -1 when the path does not exist (or is not a folder, with
    /// onlyDir).
    /// </summary>
    public int Add(string path, uint mask)
    {
        using var strings = new NativeStrings();
        return LibC.inotify_add_watch(_fd, strings.String(path), mask);
    }

    public void Remove(int wd) => _ = LibC.inotify_rm_watch(_fd, wd);

    /// <summary>Makes <see cref="Wait"/> return from another thread.</summary>
    public void Wake() => _epoll.Wake();

    /// <summary>Blocks until an event or a wake-up; returns the events read (watch descriptor and mask).</summary>
    public unsafe List<(int Wd, uint Mask)> Wait()
    {
        var events = stackalloc EpollEvent[2];
        while (_epoll.Wait(events, 2, -1) == 0) { }
        _epoll.DrainWake();
        var result = new List<(int, uint)>();
        while (true)
        {
            var n = (int)LibC.read(_fd, _buffer, BufferSize);
            if (n <= 0) break;
            for (var offset = 0; offset + 16 <= n;)
            {
                var wd = Marshal.ReadInt32(_buffer, offset);
                var mask = (uint)Marshal.ReadInt32(_buffer, offset + 4);
                var len = Marshal.ReadInt32(_buffer, offset + 12);
                result.Add((wd, mask));
                offset += 16 + len;
            }
        }
        return result;
    }

    public void Dispose()
    {
        _ = LibC.close(_fd);
        _epoll.Dispose();
        Marshal.FreeHGlobal(_buffer);
    }
}
