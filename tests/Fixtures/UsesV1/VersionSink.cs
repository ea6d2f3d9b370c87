using Fixture.SharedLib;
using Platform.Abstractions;

namespace Fixture.UsesV1;

/// <summary>Reports which Fixture.SharedLib it was bound to when opened.</summary>
[ExportLogSink("fixture-v1")]
public sealed class VersionSink : ILogSink
{
    public bool Open(LogSinkContext context)
    {
        context.Warn("fixture-v1 sees Fixture.SharedLib " + SharedLibrary.Version);
        return true;
    }

    public void Write(LogRecord record) { }

    public void Flush() { }

    public void Dispose() { }
}
