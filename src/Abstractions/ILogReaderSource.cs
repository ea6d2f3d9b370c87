namespace Platform.Abstractions;

/// <summary>
/// Reads back what the log sink of the same name keeps, for <c>journalctl</c> and <c>systemctl status</c>. The host
/// creates one instance per use, calls <see cref="Open"/> once, reads through <see cref="ILogReader"/> (and
/// <see cref="ILogReaderHealth"/> when implemented), then disposes it. Opening must never create or write anything:
/// readers run as any user, also while the sink writes. Export with <see cref="ExportLogReaderAttribute"/>.
/// </summary>
public interface ILogReaderSource : ILogReader, IDisposable
{
    /// <summary>
    /// Prepares reading with the sink's settings (<c>LogSink.NAME.*</c>, the same as the sink gets). Returns false
    /// (after warning through the context) when there is nothing it can read.
    /// </summary>
    bool Open(LogSinkContext context);
}
