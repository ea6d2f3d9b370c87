namespace Platform.Abstractions;

/// <summary>
/// Implemented by log sinks whose records can be read back (used by <c>journalctl</c> and <c>systemctl status</c>).
/// </summary>
public interface ILogReader
{
    /// <summary>
    /// Records matching the query, oldest first. Must cope with files being rotated or written while reading.
    /// </summary>
    IEnumerable<LogRecord> Read(LogQuery query);

    /// <summary>A position after the newest record, for following new records with <see cref="ReadAfter"/>.</summary>
    object Tail(LogQuery query);

    /// <summary>
    /// Records written after <paramref name="position"/>, and the new position; returns an empty list when none arrived
    /// yet.
    /// </summary>
    IReadOnlyList<LogRecord> ReadAfter(LogQuery query, ref object position);
}
