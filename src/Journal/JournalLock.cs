using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Platform.Interop;

namespace Platform.Journal;

/// <summary>
/// The flock(2) on <c>ROOT/run/platform/journal.lock</c> that the one pump of a root holds while it runs; the
/// kernel drops it when the holder dies, so a crashed pump never blocks its successor.
/// </summary>
internal sealed class JournalLock : IDisposable
{
    private readonly SafeFileHandle _handle;

    private JournalLock(SafeFileHandle handle) => _handle = handle;

    /// <summary>Takes the lock if free; null when another process holds it.</summary>
    public static JournalLock? TryAcquire(string root)
    {
        var path = JournalPaths.Lock(root);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Raw open(2): File.OpenHandle takes a shared flock of its own and would fail while another pump holds ours.
        // O_NOFOLLOW: a link planted under the lock's name must not make root create or open the file it points to.
        var fd = LibC.open(path, LibC.O_RDWR | LibC.O_CREAT | LibC.O_CLOEXEC | LibC.O_NOFOLLOW, 0b110_100_100);
        if (fd < 0) throw new IOException($"cannot open {path}: {LibC.StrError(Marshal.GetLastPInvokeError())}");
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        while (true)
        {
            if (LibC.flock((int)handle.DangerousGetHandle(), LibC.LOCK_EX | LibC.LOCK_NB) == 0)
                return new JournalLock(handle);
            if (Marshal.GetLastPInvokeError() == LibC.EINTR) continue;
            handle.Dispose();
            return null;
        }
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the lock; gives up early (null) when <paramref name="stop"/> says so.
    /// </summary>
    public static JournalLock? Acquire(string root, TimeSpan timeout, Func<bool>? stop = null)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            if (TryAcquire(root) is { } taken) return taken;
            if (Environment.TickCount64 >= deadline || (stop?.Invoke() ?? false)) return null;
            Thread.Sleep(50);
        }
    }

    public void Dispose() => _handle.Dispose();
}
