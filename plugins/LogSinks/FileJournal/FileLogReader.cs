using Platform.Abstractions;
using Platform.LogSinks.Common;

namespace Platform.LogSinks.FileJournal;

/// <summary>
/// Reads the journal files <see cref="FileLogSink"/> writes, with the same <c>Directory</c> setting; opening creates
/// nothing, so journalctl and <c>systemctl status</c> work as any user and while the pump writes.
/// </summary>
[ExportLogReader("file")]
public sealed class FileLogReader : ILogReaderSource, ILogReaderHealth
{
    private JournalFileQuery? _query;

    /// <summary>The journal folder of a root for the sink's settings (<c>Directory</c>, root-relative).</summary>
    internal static string JournalDirectory(string root, SinkSettings settings)
        => SinkSettings.UnderRoot(root, settings.Get("Directory") ?? "/var/log/journal");

    /// <inheritdoc />
    public bool Open(LogSinkContext context)
    {
        _query = new JournalFileQuery(JournalDirectory(context.Root, new SinkSettings("file", context.Settings)));
        return true;
    }

    /// <inheritdoc />
    public IEnumerable<LogRecord> Read(LogQuery query) => Query.Read(query);

    /// <inheritdoc />
    public object Tail(LogQuery query) => Query.Tail(query);

    /// <inheritdoc />
    public IReadOnlyList<LogRecord> ReadAfter(LogQuery query, ref object position)
    {
        var from = position as FilePosition ?? new FilePosition();
        var records = Query.ReadAfter(query, from, out var next);
        position = next;
        return records;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, int> Damaged => Query.Damaged;

    /// <inheritdoc />
    public long RotatedAway(string unit) => Query.RotatedAway(unit);

    /// <inheritdoc />
    public bool Verify(Action<string> report) => Query.Verify(report);

    /// <inheritdoc />
    public void Dispose() { }

    private JournalFileQuery Query =>
        _query ?? throw new InvalidOperationException("the file log reader was not opened");
}
