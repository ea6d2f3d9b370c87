using Platform.LogSinks.Common;
using Platform.Interop;

namespace Platform.LogSinks.Fifo;

/// <summary>
/// The thread that moves spooled lines into the FIFO without ever blocking the pump: the FIFO is opened
/// O_NONBLOCK (ENXIO while no reader: retried every 100 ms), a full pipe (EAGAIN) is waited out with poll, and a
/// reader that leaves (EPIPE) makes the spool keep everything unsent for the next reader.
/// </summary>
internal sealed unsafe class FifoDelivery : IDisposable
{
    private const int RetryMs = 100;

    private readonly string _path;
    private readonly ByteSpool _spool;
    private readonly Func<long, byte[]> _notice;
    private readonly Action<string> _warn;
    private readonly WakeSignal _signal = new();
    private readonly Thread _thread;
    private volatile bool _stopping;
    private int _fd = -1;
    private bool _warned;

    public FifoDelivery(string path, ByteSpool spool, Func<long, byte[]> notice, Action<string> warn)
    {
        _path = path;
        _spool = spool;
        _notice = notice;
        _warn = warn;
        _thread = new Thread(Run) { Name = "fifo-sink", IsBackground = true };
        _thread.Start();
    }

    public void Wake() => _signal.Wake();

    private void Run()
    {
        // After Dispose, keep delivering to a present reader for a moment, never waiting for an absent one.
        var deadline = long.MaxValue;
        while (true)
        {
            if (_stopping && deadline == long.MaxValue) deadline = Environment.TickCount64 + 2000;
            if (Environment.TickCount64 > deadline) break;
            if (_fd < 0 && !TryOpen())
            {
                if (_stopping) break;
                _signal.Sleep(RetryMs);
                continue;
            }
            if (_spool.Dropped > 0 && _spool.AtLineStart && !WriteNotice()) continue;
            if (!_spool.TryPeek(out var data, out var offset, out var length))
            {
                if (_stopping) break;
                _signal.Sleep(1000);
                continue;
            }
            nint n;
            fixed (byte* p = data) n = LibC.write(_fd, p + offset, length);
            if (n > 0)
            {
                _spool.Advance((int)n);
                continue;
            }
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            if (n < 0 && errno == LibC.EAGAIN)
            {
                _spool.Advance(0);
                WaitWritable();
                continue;
            }
            if (n < 0 && errno == LibC.EINTR)
            {
                _spool.Advance(0);
                continue;
            }
            _spool.RewindToLineStart();
            CloseFd();
        }
        CloseFd();
    }

    private bool WriteNotice()
    {
        var dropped = _spool.TakeDropped();
        var line = _notice(dropped);
        nint n;
        fixed (byte* p = line) n = LibC.write(_fd, p, line.Length);
        if (n == line.Length) return true;
        // Not delivered (pipe full or reader gone): count the drops again for the next attempt.
        _spool.RestoreDropped(dropped);
        if (n < 0 && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == LibC.EAGAIN) WaitWritable();
        else CloseFd();
        return false;
    }

    private bool TryOpen()
    {
        var fd = LibC.open(_path, LibC.O_WRONLY | LibC.O_NONBLOCK | LibC.O_CLOEXEC, 0);
        if (fd >= 0)
        {
            Volatile.Write(ref _fd, fd);
            return true;
        }
        var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        if (errno == LibC.ENOENT) LibC.mkfifo(_path, 0b110_100_100);
        else if (errno != LibC.ENXIO && errno != LibC.EINTR && !_warned)
        {
            _warned = true;
            _warn($"log sink fifo: cannot open {_path}: {LibC.StrError(errno)}");
        }
        return false;
    }

    private void WaitWritable()
    {
        var pfd = new PollFd { Fd = _fd, Events = LibC.POLLOUT };
        LibC.poll(&pfd, 1, 250);
    }

    private void CloseFd()
    {
        if (_fd < 0) return;
        LibC.close(_fd);
        Volatile.Write(ref _fd, -1);
    }

    public void Dispose()
    {
        _stopping = true;
        Wake();
        _thread.Join();
    }
}
