using Platform.Abstractions;

namespace Platform.Journal.Journalctl;

/// <summary>
/// Formats entries in the chosen mode and writes them; marks boot changes like journalctl (<c>-- Boot ID --</c>).
/// </summary>
internal sealed class EntryPrinter
{
    private readonly JournalctlOptions _options;
    private readonly OutputTarget _out;
    private readonly ByteBuffer _buffer = new();
    private readonly ShortFormatter? _short;
    private readonly StructuredFormatter? _structured;
    private string? _lastBoot;

    public EntryPrinter(JournalctlOptions options, OutputTarget output)
    {
        _options = options;
        _out = output;
        var host = Environment.MachineName;
        if (OutputModes.IsShort(options.Output))
            _short = new ShortFormatter(options.Output, !options.NoHostname, options.All, options.Utc, host);
        else if (options.Output != OutputMode.Cat)
            _structured = new StructuredFormatter(options.Output, options.All, host);
    }

    public int Shown { get; private set; }

    public void Print(LogRecord record)
    {
        _buffer.Clear();
        if (_short is not null)
        {
            var boot = record.Fields is { } f && f.TryGetValue("_BOOT_ID", out var b) ? b : null;
            if (boot is not null && _lastBoot is not null && boot != _lastBoot && !_options.Quiet)
                _buffer.Append($"-- Boot {boot} --\n");
            _lastBoot = boot ?? _lastBoot;
            _short.Format(_buffer, record);
        }
        else if (_structured is not null) _structured.Format(_buffer, record);
        else
        {
            _buffer.Append(record.Message);
            _buffer.Append((byte)'\n');
        }
        _out.Write(_buffer.Span);
        Shown++;
    }
}
