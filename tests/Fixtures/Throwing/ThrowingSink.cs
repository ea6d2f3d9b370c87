using Platform.Abstractions;

namespace Fixture.Throwing;

/// <summary>A log sink whose constructor fails, as a plugin missing its environment would.</summary>
[ExportLogSink("fixture-throws")]
public sealed class ThrowingSink : ILogSink
{
    public ThrowingSink() => throw new InvalidOperationException("fixture constructor refuses to run");

    public bool Open(LogSinkContext context) => true;

    public void Write(LogRecord record) { }

    public void Flush() { }

    public void Dispose() { }
}
