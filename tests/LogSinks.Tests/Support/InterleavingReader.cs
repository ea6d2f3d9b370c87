using Platform.Abstractions;

namespace Platform.LogSinks.Tests.Support;

/// <summary>
/// A real journal reader that runs test code right after <see cref="Tail"/> and after each <see cref="ReadAfter"/>,
/// so records can be written at the exact points where <c>journalctl -f</c> races the pump.
/// </summary>
internal sealed class InterleavingReader : ILogReader
{
    private readonly ILogReader _inner;
    private int _reads;

    public InterleavingReader(ILogReader inner) => _inner = inner;

    public Action AfterTail { get; init; } = () => { };

    /// <summary>Gets the number of the ReadAfter call that just returned (1 for the first).</summary>
    public Action<int> AfterReadAfter { get; init; } = _ => { };

    public IEnumerable<LogRecord> Read(LogQuery query) => _inner.Read(query);

    public object Tail(LogQuery query)
    {
        var position = _inner.Tail(query);
        AfterTail();
        return position;
    }

    public IReadOnlyList<LogRecord> ReadAfter(LogQuery query, ref object position)
    {
        var records = _inner.ReadAfter(query, ref position);
        AfterReadAfter(++_reads);
        return records;
    }
}
