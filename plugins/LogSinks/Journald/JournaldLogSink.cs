using Platform.Abstractions;
using Platform.Journal;
using Platform.LogSinks.Common;
using Platform.Interop;

namespace Platform.LogSinks.Journald;

/// <summary>
/// Forwards records to a running systemd-journald over its native socket (<c>/run/systemd/journal/socket</c>, or
/// the root-relative setting <c>Socket</c>). Silently inactive while that socket is absent, looking again every
/// <c>RecheckSeconds</c> (default 5). Sends happen on the sink's own thread with a bounded queue
/// (<c>QueueRecords</c>, default 65536; the oldest are dropped past it), so a slow journald never stalls the pump.
/// </summary>
[ExportLogSink("journald")]
public sealed class JournaldLogSink : ILogSink
{

    private readonly Queue<LogRecord> _queue = new();
    private readonly object _gate = new();
    private string _path = "";
    private int _limit;
    private long _recheckMs;
    private Thread? _thread;
    private volatile bool _active;
    private volatile bool _stopping;
    private long _nextCheck;
    private long _sent, _dropped;

    /// <summary>Entries journald accepted so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Entries lost to a full queue or a failed send.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public bool Open(LogSinkContext context)
    {
        var settings = new SinkSettings("journald", context.Settings);
        _path = SinkSettings.UnderRoot(context.Root, settings.Get("Socket") ?? "/run/systemd/journal/socket");
        _limit = settings.Int("QueueRecords", 65536, 1, context.Warn);
        _recheckMs = settings.Int("RecheckSeconds", 5, 0, context.Warn) * 1000L;
        _active = System.IO.File.Exists(_path);
        _nextCheck = Environment.TickCount64 + _recheckMs;
        _thread = new Thread(Run) { Name = "journald-sink", IsBackground = true };
        _thread.Start();
        return true;
    }

    /// <inheritdoc />
    public void Write(LogRecord record)
    {
        if (!_active)
        {
            if (Environment.TickCount64 < Volatile.Read(ref _nextCheck)) return;
            Volatile.Write(ref _nextCheck, Environment.TickCount64 + _recheckMs);
            if (!System.IO.File.Exists(_path)) return;
            _active = true;
        }
        lock (_gate)
        {
            if (_queue.Count >= _limit)
            {
                _queue.Dequeue();
                Interlocked.Increment(ref _dropped);
            }
            _queue.Enqueue(record);
            if (_queue.Count == 1) Monitor.Pulse(_gate);
        }
    }

    /// <inheritdoc />
    public void Flush()
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping = true;
        lock (_gate) Monitor.Pulse(_gate);
        _thread?.Join();
    }

    private void Run()
    {
        var entry = new ByteBuffer(4096);
        JournaldSocket? socket = null;
        try
        {
            while (true)
            {
                LogRecord record;
                lock (_gate)
                {
                    while (_queue.Count == 0 && !_stopping) Monitor.Wait(_gate);
                    if (_queue.Count == 0) return;
                    record = _queue.Dequeue();
                }
                socket ??= new JournaldSocket(_path);
                NativeEntryBuilder.Build(entry, record);
                var errno = socket.Send(entry.Span);
                if (errno == 0)
                {
                    Interlocked.Increment(ref _sent);
                    continue;
                }
                Interlocked.Increment(ref _dropped);
                if (errno is LibC.ENOENT or LibC.ECONNREFUSED) GoInactive();
            }
        }
        finally
        {
            socket?.Dispose();
        }
    }

    /// <summary>journald went away: drop what waits and check for it again later, without a word.</summary>
    private void GoInactive()
    {
        _active = false;
        Volatile.Write(ref _nextCheck, Environment.TickCount64 + _recheckMs);
        lock (_gate)
        {
            Interlocked.Add(ref _dropped, _queue.Count);
            _queue.Clear();
        }
    }
}
