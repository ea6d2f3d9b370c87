using Platform.Abstractions;

namespace Platform.Journal.Pump;

/// <summary>
/// One accepted stream: first its <see cref="JournalStreamHeader"/>, then the service's output, turned into
/// <see cref="LogRecord"/>s with journald's cleanup (trailing whitespace dropped, empty lines skipped, an optional
/// <c>&lt;N&gt;</c> priority prefix).
/// </summary>
internal sealed class StreamConnection : ILineHandler
{
    private readonly LineSplitter _splitter = new();
    private readonly StreamFieldCache _fields = new();
    private byte[]? _headerBuffer;
    private int _headerLength;
    private List<LogRecord>? _output;
    private long _realtime, _monotonic;
    private int _uid = -1, _gid = -1;

    private readonly StreamTrust _trust;

    public StreamConnection(int fd, StreamTrust trust)
    {
        Fd = fd;
        _trust = trust;
    }

    public int Fd { get; }

    /// <summary>The parsed header; null while it is still arriving.</summary>
    public JournalStreamHeader? Header { get; private set; }

    /// <summary>True when the peer sent something that is not a stream header; the stream is then closed.</summary>
    public bool Rejected { get; private set; }

    /// <summary>Message bytes turned into records so far (for the queue's memory bound).</summary>
    public long EmittedBytes { get; private set; }

    /// <summary>
    /// Takes one read, written by <paramref name="pid"/>; appends finished lines to <paramref name="output"/>.
    /// </summary>
    public void Process(ReadOnlySpan<byte> data, int pid, int uid, int gid, List<LogRecord> output)
    {
        if (Header is null)
        {
            data = ReadHeader(data);
            if (Header is null) return;
        }
        if (data.IsEmpty) return;
        _output = output;
        _realtime = JournalClock.RealtimeUsec();
        _monotonic = JournalClock.MonotonicUsec();
        _uid = uid;
        _gid = gid;
        _splitter.Feed(data, pid, this);
        _output = null;
    }

    /// <summary>Ends the stream, flushing a partial last line.</summary>
    public void Finish(List<LogRecord> output)
    {
        if (Header is null) return;
        _output = output;
        _realtime = JournalClock.RealtimeUsec();
        _monotonic = JournalClock.MonotonicUsec();
        _splitter.Finish(this);
        _output = null;
    }

    public void OnLine(ReadOnlySpan<byte> line, LineBreak reason, int pid)
    {
        var header = Header!;
        if (line.IsEmpty) return;
        var trimmed = line.TrimEnd(" \t\n\r"u8);
        // journald keeps a line of nothing but whitespace as it is, yet drops it when only a prefix remains.
        if (!trimmed.IsEmpty) line = trimmed;
        var priority = header.Priority;
        if (header.LevelPrefix && SyslogPrefix.Parse(line, out var prefix) is >= 0 and var level)
        {
            priority = level;
            line = line[prefix..];
        }
        if (line.IsEmpty) return;
        EmittedBytes += line.Length;
        _output!.Add(new LogRecord
        {
            Unit = header.Unit,
            Identifier = header.Identifier,
            Stream = header.Stream,
            RealtimeUsec = _realtime,
            MonotonicUsec = _monotonic,
            Priority = priority,
            Pid = pid,
            Message = line.ToArray(),
            Fields = _fields.For(header, pid, _uid, _gid, reason),
        });
    }

    private ReadOnlySpan<byte> ReadHeader(ReadOnlySpan<byte> data)
    {
        _headerBuffer ??= new byte[JournalStreamHeader.MaxSize];
        var room = _headerBuffer.Length - _headerLength;
        var take = Math.Min(room, data.Length);
        data[..take].CopyTo(_headerBuffer.AsSpan(_headerLength));
        var before = _headerLength;
        _headerLength += take;
        var end = _headerBuffer.AsSpan(0, _headerLength).IndexOf("\n\n"u8);
        if (end < 0)
        {
            if (_headerLength == _headerBuffer.Length) Rejected = true;
            return default;
        }
        Header = JournalStreamHeader.TryParse(_headerBuffer.AsSpan(0, end)) is { } parsed ? _trust.Apply(parsed) : null;
        if (Header is null) Rejected = true;
        var consumed = end + 2 - before;
        _headerBuffer = null;
        return Rejected ? default : data[consumed..];
    }
}
