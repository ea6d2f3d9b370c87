using System.Runtime.InteropServices;
using Platform.Abstractions;
using Platform.Interop;

namespace Platform.Journal.Pump;

/// <summary>
/// The reading thread: one epoll set over the listener, a wake-up eventfd and every stream. Each readable stream
/// gets one recvmsg(2) per round, which keeps many streams fair; the kernel never merges the bytes of two writers
/// into one read, and SCM_CREDENTIALS names the writer of each.
/// </summary>
internal sealed unsafe class PumpLoop : IDisposable
{
    private const int ReadSize = 128 * 1024;
    private const long BatchBytes = 1 << 20;

    private readonly PumpListener _listener;
    private readonly RecordQueue _queue;
    private readonly JournalPumpOptions _options;
    private readonly Action<string> _warn;
    private readonly Dictionary<int, StreamConnection> _streams = [];
    private readonly byte* _buffer;
    private readonly EpollSet _epoll = new();
    private List<LogRecord> _batch = [];
    private long _batchBytes;
    private bool _warnedLimit;
    private int _active;
    private long _accepted;
    private readonly MemoryTrimmer _trimmer;

    public PumpLoop(PumpListener listener, RecordQueue queue, JournalPumpOptions options, Action<string> warn)
    {
        _warn = warn;
        _listener = listener;
        _queue = queue;
        _options = options;
        _trimmer = new MemoryTrimmer(options.TrimAfter);
        _buffer = (byte*)NativeMemory.Alloc(ReadSize);
        _epoll.Add(_listener.Fd);
    }

    public int ActiveStreams => Volatile.Read(ref _active);
    public long AcceptedStreams => Interlocked.Read(ref _accepted);

    public void Run(CancellationToken token)
    {
        using var registration = token.Register(_epoll.Wake);
        var events = stackalloc EpollEvent[64];
        long idleSince = Environment.TickCount64;
        while (!token.IsCancellationRequested)
        {
            var timeout = -1;
            if (_options.IdleExit is { } idle && _streams.Count == 0)
            {
                var left = idleSince + (long)idle.TotalMilliseconds - Environment.TickCount64;
                if (left <= 0)
                {
                    if (TryIdleExit()) break;
                    idleSince = Environment.TickCount64;
                    continue;
                }
                timeout = (int)Math.Min(left, int.MaxValue);
            }
            if (_trimmer.Due(out var trimIn)) _trimmer.Trim();
            else if (trimIn >= 0) timeout = timeout < 0 ? trimIn : Math.Min(timeout, trimIn);
            var n = _epoll.Wait(events, 64, timeout);
            for (var i = 0; i < n; i++)
            {
                var fd = (int)events[i].Data;
                if (fd == _epoll.WakeFd) _epoll.DrainWake();
                else if (fd == _listener.Fd) AcceptAll();
                else if (_streams.TryGetValue(fd, out var stream)) Read(stream, token);
                if (token.IsCancellationRequested) break;
            }
            PushBatch();
            if (_streams.Count == 0 && n > 0) idleSince = Environment.TickCount64;
        }
        foreach (var stream in _streams.Values.ToArray()) Close(stream);
        PushBatch();
    }

    private void Read(StreamConnection stream, CancellationToken token)
    {
        if (_batchBytes >= BatchBytes) PushBatch();
        if (!_queue.WaitForSpace(token)) return;
        var n = StreamReceive.Receive(stream.Fd, _buffer, ReadSize, out var credentials, out var closed);
        if (closed)
        {
            Close(stream);
            return;
        }
        if (n == 0) return;
        _trimmer.Used(n);
        var before = stream.EmittedBytes;
        var count = _batch.Count;
        stream.Process(new ReadOnlySpan<byte>(_buffer, n), credentials.Pid, credentials.Uid, credentials.Gid, _batch);
        _batchBytes += stream.EmittedBytes - before + (_batch.Count - count) * RecordQueue.RecordOverhead;
        if (stream.Rejected) Close(stream);
    }

    private void AcceptAll()
    {
        while (true)
        {
            var fd = _listener.Accept(out var errno);
            if (fd < 0)
            {
                // Out of descriptors: back off instead of spinning on a listener that stays readable.
                if (errno is LibC.EMFILE or LibC.ENFILE) Thread.Sleep(100);
                return;
            }
            if (_streams.Count >= _options.MaxStreams)
            {
                LibC.close(fd);
                if (!_warnedLimit) _warn($"too many log streams (limit {_options.MaxStreams}), refusing new ones");
                _warnedLimit = true;
                continue;
            }
            _streams[fd] = new StreamConnection(fd, StreamTrust.Judge(fd, _options.UnitOfPid));
            _epoll.Add(fd);
            Interlocked.Increment(ref _accepted);
            Volatile.Write(ref _active, _streams.Count);
        }
    }

    private bool TryIdleExit()
    {
        _listener.Unlink();
        // A connect that found the name just before it vanished completes within microseconds; then take it.
        Thread.Sleep(50);
        AcceptAll();
        if (_streams.Count == 0) return true;
        _epoll.Remove(_listener.Fd);
        _listener.Rebind();
        _epoll.Add(_listener.Fd);
        return false;
    }

    private void Close(StreamConnection stream)
    {
        var count = _batch.Count;
        stream.Finish(_batch);
        _batchBytes += (_batch.Count - count) * (long)RecordQueue.RecordOverhead;
        _epoll.Remove(stream.Fd);
        LibC.close(stream.Fd);
        _streams.Remove(stream.Fd);
        Volatile.Write(ref _active, _streams.Count);
    }

    private void PushBatch()
    {
        if (_batch.Count == 0) return;
        _queue.Add(_batch, _batchBytes);
        _batch = new List<LogRecord>(Math.Max(16, _batch.Count));
        _batchBytes = 0;
    }

    public void Dispose()
    {
        _epoll.Dispose();
        NativeMemory.Free(_buffer);
    }
}
