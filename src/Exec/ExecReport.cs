using System.Runtime.InteropServices;
using System.Text;
using Platform.Interop;

namespace Platform.Exec;

/// <summary>
/// The close-on-exec pipe between a spawner and its <c>__exec</c> helper: end-of-file without data means execve
/// succeeded; otherwise the helper wrote a one-line reason before exiting.
/// </summary>
internal static class ExecReport
{
    /// <summary>Reads the helper's report and closes <paramref name="fd"/>; null when exec succeeded.</summary>
    public static string? Read(int fd, TimeSpan timeout)
    {
        var buffer = Marshal.AllocHGlobal(4096);
        var bytes = new List<byte>();
        try
        {
            var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
            while (true)
            {
                var remaining = (int)Math.Max(0, deadline - Environment.TickCount64);
                var fds = new[] { new PollFd { Fd = fd, Events = LibC.POLLIN } };
                var ready = LibC.poll(fds, 1, remaining);
                if (ready < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR) continue;
                if (ready <= 0) return "Timed out waiting for the exec helper";
                var n = (int)LibC.read(fd, buffer, 4096);
                if (n < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR) continue;
                if (n <= 0) break;
                var chunk = new byte[n];
                Marshal.Copy(buffer, chunk, 0, n);
                bytes.AddRange(chunk);
            }
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
            _ = LibC.close(fd);
        }
        return bytes.Count == 0 ? null : Encoding.UTF8.GetString(bytes.ToArray()).Trim();
    }

    /// <summary>Writes a reason to the report descriptor (helper side).</summary>
    public static void Write(int fd, string message)
    {
        var data = Encoding.UTF8.GetBytes(message);
        var p = Marshal.AllocHGlobal(data.Length);
        Marshal.Copy(data, 0, p, data.Length);
        LibC.write(fd, p, data.Length);
        Marshal.FreeHGlobal(p);
    }
}
