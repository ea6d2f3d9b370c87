using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Platform.Host.Plugins;
using Platform.Interop;

namespace Platform.Host.Lifecycle;

/// <summary>
/// The per-unit lock file of the seed design (<c>/run/systemd/NAME.lock</c>): held while a unit is being
/// started, stopped or its status rewritten. flock(2) locks die with their process, so a systemctl killed
/// mid-start never leaves a lock behind that blocks the next call.
/// </summary>
internal sealed class UnitLock : IDisposable
{
    private readonly SafeFileHandle _handle;

    private UnitLock(SafeFileHandle handle) => _handle = handle;

    /// <summary>
    /// Takes the lock for <paramref name="unit"/>, waiting up to <paramref name="timeout"/>; throws TimeoutException
    /// when another process keeps it.
    /// </summary>
    public static UnitLock Acquire(string lockDirectory, string unit, TimeSpan timeout)
    {
        TrustedFolder.Ensure(lockDirectory);
        var path = Path.Join(lockDirectory, unit + ".lock");
        // Raw open(2): File.OpenHandle takes its own advisory lock, which would make a second holder fail
        // with a sharing violation instead of waiting here.
        var fd = LibC.open(path, LibC.O_RDWR | LibC.O_CREAT | LibC.O_CLOEXEC | LibC.O_NOFOLLOW, 0b110_100_100);
        if (fd < 0) throw new IOException(
            $"Failed to open {path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var deadline = Environment.TickCount64 + (long)Math.Min(timeout.TotalMilliseconds, int.MaxValue);
        var pause = 1;
        while (true)
        {
            if (LibC.flock((int)handle.DangerousGetHandle(), LibC.LOCK_EX | LibC.LOCK_NB) == 0)
                return new UnitLock(handle);
            var errno = Marshal.GetLastPInvokeError();
            if (errno != LibC.EAGAIN && errno != 4 /* EINTR */)
            {
                handle.Dispose();
                throw new IOException($"Failed to lock {path}: {Marshal.GetPInvokeErrorMessage(errno)}");
            }
            if (Environment.TickCount64 > deadline)
            {
                handle.Dispose();
                throw new TimeoutException($"Timed out waiting for the lock of {unit} (held by another systemctl)");
            }
            Thread.Sleep(pause);
            pause = Math.Min(pause * 2, 20);
        }
    }

    /// <summary>
    /// Leaves the invocation id of the start being made in the lock file. Every process of that start carries it as
    /// <c>INVOCATION_ID</c>, so a later call can find them by a process scan even when the starter was killed before it
    /// recorded them, or the status record is damaged. Raw descriptors: the holder's flock must not get in the way.
    /// </summary>
    public static void WriteInvocation(string lockDirectory, string unit, string invocationId)
    {
        var fd = LibC.open(Path.Join(lockDirectory, unit + ".lock"),
            LibC.O_RDWR | LibC.O_CREAT | LibC.O_CLOEXEC | LibC.O_NOFOLLOW, 0b110_100_100);
        if (fd < 0) return;
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        var bytes = System.Text.Encoding.ASCII.GetBytes(invocationId + "\n");
        RandomAccess.SetLength(handle, 0);
        RandomAccess.Write(handle, bytes, 0);
    }

    /// <summary>
    /// The invocation id of the last start of <paramref name="unit"/> (see <see cref="WriteInvocation"/>), or null.
    /// </summary>
    public static string? ReadInvocation(string lockDirectory, string unit)
    {
        var fd = LibC.open(Path.Join(lockDirectory, unit + ".lock"), LibC.O_RDONLY | LibC.O_CLOEXEC | LibC.O_NOFOLLOW,
            0);
        if (fd < 0) return null;
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        var buffer = new byte[64];
        var length = RandomAccess.Read(handle, buffer, 0);
        var text = System.Text.Encoding.ASCII.GetString(buffer, 0, length).Trim();
        return text.Length == 32 && text.All(char.IsAsciiHexDigitLower) ? text : null;
    }

    public void Dispose() => _handle.Dispose();
}
