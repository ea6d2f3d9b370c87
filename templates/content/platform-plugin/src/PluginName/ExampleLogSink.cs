using System.Globalization;
using System.Text;
using Platform.Abstractions;

namespace PluginName;

/// <summary>
/// <c>LogSinks=plugin-export-name</c> in systemctl.conf: appends one line per record (<c>time unit[pid]: message</c>)
/// to <c>LogSink.plugin-export-name.Path=</c> (default <c>ROOT/var/log/plugin-export-name.log</c>). Writes are buffered
/// and pushed out on <see cref="Flush"/>, which the log pump calls whenever its queue runs dry.
/// </summary>
[ExportLogSink("plugin-export-name")]
public sealed class ExampleLogSink : ILogSink
{
    private FileStream? _file;
    private StreamWriter? _writer;
    private Action<string> _warn = _ => { };

    /// <inheritdoc />
    public bool Open(LogSinkContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _warn = context.Warn;
        var path = context.Settings.TryGetValue("Path", out var configured) ? Path.Join(context.Root, configured)
            : Path.Join(context.Root, "var/log/plugin-export-name.log");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            _writer = new StreamWriter(_file, new UTF8Encoding(false), 64 * 1024);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Warn($"log sink plugin-export-name: cannot open {path}: {e.Message}");
            return false;
        }
    }

    /// <inheritdoc />
    public void Write(LogRecord record)
    {
        if (_writer is null) return;
        var time = DateTimeOffset.FromUnixTimeMilliseconds(record.RealtimeUsec / 1000)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        try { _writer.Write($"{time} {record.Unit}[{record.Pid}]: {record.MessageText}\n"); }
        catch (IOException e) { WarnOnce(e); } // a sink must not throw from Write
    }

    /// <inheritdoc />
    public void Flush()
    {
        try { _writer?.Flush(); }
        catch (IOException e) { WarnOnce(e); }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Flush();
        _writer?.Dispose();
        _file?.Dispose();
        _writer = null;
    }

    private void WarnOnce(IOException e)
    {
        _warn($"log sink plugin-export-name: {e.Message}");
        _warn = _ => { };
    }
}
