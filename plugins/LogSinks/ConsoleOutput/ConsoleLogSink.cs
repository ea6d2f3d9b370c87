using System.Text;
using Platform.Abstractions;
using Platform.Journal;
using Platform.LogSinks.Common;

namespace Platform.LogSinks.ConsoleOutput;

/// <summary>
/// Writes <c>unit[pid]: message</c> lines to standard output, which the init uses as PID 1 so that
/// <c>docker logs</c> shows service output. Lines are written on the sink's own thread and spooled up to
/// <c>SpoolBytes</c> (default 4M), so a stalled terminal or log driver never stalls the pump.
/// </summary>
[ExportLogSink("console")]
public sealed class ConsoleLogSink : ILogSink
{
    private readonly ByteBuffer _pending = new(64 * 1024 + 4096);
    private int _pendingLines;
    private ByteSpool? _spool;
    private SpoolWriter? _writer;
    private string? _lastUnit;
    private byte[] _unitBytes = [];

    /// <summary>Where lines go; standard output unless a test gives another stream.</summary>
    public Stream? Output { get; init; }

    /// <inheritdoc />
    public bool Open(LogSinkContext context)
    {
        var settings = new SinkSettings("console", context.Settings);
        _spool = new ByteSpool(settings.Size("SpoolBytes", 4 << 20, context.Warn));
        _writer = new SpoolWriter(_spool, Output ?? System.Console.OpenStandardOutput());
        return true;
    }

    /// <inheritdoc />
    public void Write(LogRecord record)
    {
        if (_spool is null) return;
        if (!ReferenceEquals(record.Unit, _lastUnit))
            (_lastUnit, _unitBytes) = (record.Unit, Encoding.UTF8.GetBytes(record.Unit));
        _pending.Append(_unitBytes);
        if (record.Pid > 0)
        {
            _pending.Append((byte)'[');
            _pending.Append((long)record.Pid);
            _pending.Append((byte)']');
        }
        _pending.Append(": "u8);
        _pending.Append(record.Message);
        _pending.Append((byte)'\n');
        _pendingLines++;
        if (_pending.Length >= 64 * 1024) Flush();
    }

    /// <inheritdoc />
    public void Flush()
    {
        if (_spool is null || _pendingLines == 0) return;
        _spool.Add(_pending.Span, _pendingLines);
        _pending.Clear();
        _pendingLines = 0;
        _writer!.Wake();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Flush();
        _writer?.Dispose();
        _writer = null;
    }
}
