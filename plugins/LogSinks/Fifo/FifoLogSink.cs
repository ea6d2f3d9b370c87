using System.Text;
using Platform.Abstractions;
using Platform.Journal;
using Platform.LogSinks.Common;
using Platform.Interop;

namespace Platform.LogSinks.Fifo;

/// <summary>
/// Feeds a named pipe with one JSON object per line (journald field names, <c>journalctl -o json</c> conventions),
/// e.g. for a Splunk forwarder. Settings: <c>Path</c> (root-relative, required; the FIFO is created when missing),
/// <c>SpoolBytes</c> (default 16M). Without a reader nothing blocks and nothing is lost until the spool is full;
/// beyond that the oldest lines are dropped, counted, and announced by a notice line once delivery resumes.
/// </summary>
[ExportLogSink("fifo")]
public sealed class FifoLogSink : ILogSink
{
    private const int ChunkBytes = 64 * 1024;

    private readonly ByteBuffer _pending = new(ChunkBytes + 4096);
    private int _pendingLines;
    private ByteSpool? _spool;
    private FifoDelivery? _delivery;
    private JsonRecordEncoder? _encoder;
    private string _path = "";
    private long _limit;
    private string _hostname = "";
    private string _bootId = "";

    /// <summary>The FIFO this sink writes to (after <see cref="Open"/>).</summary>
    public string Path => _path;

    /// <summary>Lines dropped so far because the spool was full and not yet announced.</summary>
    public long DroppedLines => _spool?.Dropped ?? 0;

    /// <inheritdoc />
    public bool Open(LogSinkContext context)
    {
        var settings = new SinkSettings("fifo", context.Settings);
        var path = settings.Get("Path");
        if (string.IsNullOrWhiteSpace(path))
        {
            context.Warn("log sink fifo: no Path set (LogSink.fifo.Path=)");
            return false;
        }
        _path = SinkSettings.UnderRoot(context.Root, path.Trim());
        _limit = settings.Size("SpoolBytes", 16 << 20, context.Warn);
        var exists = LibC.Stat(_path, follow: true, out var status);
        var errno = exists ? 0 : System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        var type = exists ? (int)status.Type : -1;
        if (type < 0 && errno == LibC.ENOENT)
        {
            try { Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Warn($"log sink fifo: cannot create {_path}: {ErrorText.Describe(e)}");
                return false;
            }
            if (LibC.mkfifo(_path, 0b110_100_100) != 0)
            {
                context.Warn(
                    $"log sink fifo: cannot create {_path}: "
                    + $"{LibC.StrError(System.Runtime.InteropServices.Marshal.GetLastPInvokeError())}");
                return false;
            }
        }
        else if (type < 0)
        {
            context.Warn($"log sink fifo: cannot use {_path}: {LibC.StrError(errno)}");
            return false;
        }
        else if (type != LibC.S_IFIFO)
        {
            context.Warn($"log sink fifo: {_path} exists and is not a FIFO");
            return false;
        }
        _hostname = Environment.MachineName;
        _bootId = Convert.ToHexStringLower(KernelBootId.Bytes());
        _encoder = new JsonRecordEncoder(_hostname, _bootId);
        _spool = new ByteSpool(_limit);
        _delivery = new FifoDelivery(_path, _spool, Notice, context.Warn);
        return true;
    }

    /// <inheritdoc />
    public void Write(LogRecord record)
    {
        if (_encoder is null) return;
        _encoder.Append(_pending, record);
        _pendingLines++;
        if (_pending.Length >= ChunkBytes) Flush();
    }

    /// <inheritdoc />
    public void Flush()
    {
        if (_spool is null || _pendingLines == 0) return;
        _spool.Add(_pending.Span, _pendingLines);
        _pending.Clear();
        _pendingLines = 0;
        _delivery!.Wake();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Flush();
        _delivery?.Dispose();
        _delivery = null;
    }

    private byte[] Notice(long dropped)
    {
        var line = new ByteBuffer(512);
        new JsonRecordEncoder(_hostname, _bootId).Append(line, new LogRecord
        {
            Unit = "systemd-journald.service",
            Identifier = "systemd-journald",
            Stream = "init",
            Priority = 4,
            RealtimeUsec = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10,
            Message = Encoding.UTF8.GetBytes(
                $"Dropped {dropped} log records while {_path} had no reader or was full (SpoolBytes={_limit})"),
        });
        return line.Span.ToArray();
    }
}
