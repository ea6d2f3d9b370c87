using Platform.Abstractions;

namespace Fixture.Good;

/// <summary>A log sink that works: says hello through the context and counts what it is given.</summary>
[ExportLogSink("fixture-good")]
public sealed class GoodSink : ILogSink
{
    private int _written;

    public bool Open(LogSinkContext context)
    {
        context.Warn($"fixture-good opened in {context.Root}");
        return true;
    }

    public void Write(LogRecord record) => _written++;

    public void Flush() { }

    public void Dispose() { }

    public override string ToString() => $"fixture-good ({_written} records)";
}
