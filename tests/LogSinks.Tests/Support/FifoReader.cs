using System.Runtime.InteropServices;
using System.Text;
using Platform.Interop;

namespace Platform.LogSinks.Tests.Support;

/// <summary>
/// A FIFO reader that can give up: opened non-blocking, polled, read byte-exactly. It reads no further than the
/// lines asked for, so a reader that "leaves" has consumed exactly those.
/// </summary>
internal sealed unsafe class FifoReader : IDisposable
{
    private readonly int _fd;
    private readonly List<byte> _partial = [];

    public FifoReader(string path)
    {
        // Close-on-exec: a copy inherited by a process another test starts would keep the reader "present".
        _fd = LibC.open(path, LibC.O_RDONLY | LibC.O_NONBLOCK | LibC.O_CLOEXEC, 0);
        if (_fd < 0) throw new IOException("open fifo: " + Marshal.GetLastPInvokeError());
    }

    /// <summary>
    /// Reads until <paramref name="count"/> lines arrived (or the time is up); returns them without newlines.
    /// </summary>
    public List<string> ReadLines(int count, double seconds = 15) => ReadUntil(lines => lines.Count >= count, seconds);

    public List<string> ReadUntil(Func<List<string>, bool> done, double seconds = 15)
    {
        var lines = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var one = stackalloc byte[1];
        while (!done(lines))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"fifo gave {lines.Count} lines: {string.Join("\n", lines.TakeLast(3))}");
            var n = LibC.read(_fd, one, 1);
            if (n == 1)
            {
                if (one[0] == (byte)'\n')
                {
                    lines.Add(Encoding.UTF8.GetString([.. _partial]));
                    _partial.Clear();
                }
                else _partial.Add(one[0]);
                continue;
            }
            // EAGAIN (writer present, nothing yet) or 0 (no writer yet): wait a little.
            Thread.Sleep(n == 0 ? 10 : 1);
        }
        return lines;
    }

    public void Dispose() => LibC.close(_fd);
}
