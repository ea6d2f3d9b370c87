using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Host.Output;

/// <summary>
/// A write-only stream straight onto an inherited descriptor with write(2). <c>Console.Out</c> would first set up
/// .NET's terminal handling (terminfo, a signal thread, SIGCHLD/SIGCONT handlers), which costs a short command a tenth
/// of its time and which nothing here uses. Like the console it writes at the descriptor's own offset (so
/// <c>&gt;&gt;</c> and shared files work), waits out a non-blocking descriptor, and drops output to a closed pipe (<c>|
/// head</c>).
/// </summary>
internal sealed unsafe class DescriptorStream(int fd) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set =>
        throw new NotSupportedException(); }

    /// <summary>A UTF-8 writer (no BOM) that writes every call through, as the console's does.</summary>
    public static TextWriter Writer(int fd)
        => new StreamWriter(new DescriptorStream(fd), new System.Text.UTF8Encoding(false), 4096) { AutoFlush = true };

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var done = 0;
            while (done < buffer.Length)
            {
                var n = LibC.write(fd, start + done, buffer.Length - done);
                if (n >= 0) { done += (int)n; continue; }
                var errno = Marshal.GetLastPInvokeError();
                if (errno == LibC.EINTR) continue;
                if (errno == LibC.EAGAIN) { WaitWritable(); continue; }
                // The reader went away (EPIPE) or the descriptor is unusable: the output has nowhere to go.
                return;
            }
        }
    }

    private void WaitWritable()
    {
        var poll = new PollFd { Fd = fd, Events = LibC.POLLOUT };
        _ = LibC.poll(&poll, 1, -1);
    }

    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
