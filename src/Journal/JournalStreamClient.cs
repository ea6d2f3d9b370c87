using System.Runtime.InteropServices;
using Platform.Interop;
using Microsoft.Win32.SafeHandles;

namespace Platform.Journal;

/// <summary>
/// The spawning side of a service's log stream: connects to the pump's stream socket, sends the
/// <see cref="JournalStreamHeader"/>, and returns the connected descriptor to become the service's stdout or stderr.
/// The pump learns the writing process from the kernel (SCM_CREDENTIALS on every read), so no PID has to be
/// sent: lines carry the PID of whichever process wrote them, the service or any of its children.
/// </summary>
internal static unsafe class JournalStreamClient
{
    /// <summary>
    /// Connects for <paramref name="unit"/> under <paramref name="root"/>, starting a detached pump first when none
    /// runs (see <see cref="JournalPumpLauncher"/>). The handle is blocking and close-on-exec; dup2 it onto fd 1/2 in
    /// the child and dispose it in the parent once the child runs. Throws IOException when no pump can be reached.
    /// </summary>
    public static SafeFileHandle Connect(string root, string unit, string identifier, string streamKind,
        int defaultPriority = 6, bool levelPrefix = true, string? invocationId = null)
        => Connect(root, new JournalStreamHeader(unit, identifier, streamKind, defaultPriority, levelPrefix,
            invocationId));

    /// <summary>
    /// As <see cref="Connect(string,string,string,string,int,bool,string)"/> with a prepared header;
    /// <paramref name="pumpCommand"/> overrides how a missing pump is started (see
    /// <see cref="JournalPumpLauncher.EnsureRunning"/>).
    /// </summary>
    public static SafeFileHandle Connect(string root, JournalStreamHeader header, bool startPump = true,
        IReadOnlyList<string>? pumpCommand = null)
    {
        var path = JournalPaths.Socket(root);
        var handle = TryConnect(path, header);
        if (handle is not null || !startPump) return handle ?? throw new IOException($"no log pump listens on {path}");
        JournalPumpLauncher.EnsureRunning(root, pumpCommand);
        return TryConnect(path, header) ?? throw new IOException($"no log pump listens on {path}");
    }

    /// <summary>
    /// Connects to the pump socket at <paramref name="socketPath"/>; null when nothing listens there.
    /// </summary>
    public static SafeFileHandle? TryConnect(string socketPath, JournalStreamHeader header)
    {
        var fd = OpenConnected(socketPath);
        if (fd < 0) return null;
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var bytes = header.Encode();
        fixed (byte* p = bytes)
        {
            var done = 0;
            while (done < bytes.Length)
            {
                var n = LibC.send(fd, p + done, bytes.Length - done, LibC.MSG_NOSIGNAL);
                if (n < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR) continue;
                if (n <= 0)
                {
                    handle.Dispose();
                    return null;
                }
                done += (int)n;
            }
        }
        return handle;
    }

    /// <summary>
    /// Whether a pump accepts connections at <paramref name="socketPath"/> (connects and closes at once).
    /// </summary>
    public static bool IsListening(string socketPath)
    {
        var fd = OpenConnected(socketPath);
        if (fd < 0) return false;
        LibC.close(fd);
        return true;
    }

    private static int OpenConnected(string socketPath)
    {
        Span<byte> address = stackalloc byte[UnixAddress.Size];
        var length = UnixAddress.Fill(address, socketPath);
        var fd = LibC.socket(LibC.AF_UNIX, LibC.SOCK_STREAM | LibC.SOCK_CLOEXEC, 0);
        if (fd < 0) throw new IOException("socket(AF_UNIX): " + LibC.StrError(Marshal.GetLastPInvokeError()));
        fixed (byte* a = address)
        {
            while (true)
            {
                if (LibC.connect(fd, a, length) == 0) return fd;
                var errno = Marshal.GetLastPInvokeError();
                if (errno == LibC.EINTR) continue;
                LibC.close(fd);
                return -1;
            }
        }
    }
}
