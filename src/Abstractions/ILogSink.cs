namespace Platform.Abstractions;

/// <summary>
/// Receives service log records, e.g. to write a journal file, forward to journald or feed a FIFO.
/// Several sinks run at once; a sink must never block the caller for long (spool instead) and must
/// not throw from <see cref="Write"/>. Export with <see cref="ExportLogSinkAttribute"/>.
/// </summary>
public interface ILogSink : IDisposable
{
    /// <summary>
    /// Prepares the sink. Returns false (after warning through the context) when it cannot work; the host then skips
    /// it.
    /// </summary>
    bool Open(LogSinkContext context);

    /// <summary>Takes one record. Called from one thread at a time.</summary>
    void Write(LogRecord record);

    /// <summary>Pushes buffered records to their destination.</summary>
    void Flush();
}
