using Platform.Abstractions;
using Platform.LogSinks.Fifo;
using Platform.LogSinks.FileJournal;

namespace Platform.LogSinks.Tests.Support;

/// <summary>Opens the real sinks the way the host does, collecting their warnings.</summary>
internal static class Sinks
{
    public static FileLogSink File(string root, List<string>? warnings = null,
        params (string Key, string Value)[] settings)
    {
        var sink = new FileLogSink();
        Assert.True(sink.Open(Context(root, warnings, settings)),
            "file sink did not open: " + string.Join("; ", warnings ?? []));
        return sink;
    }

    public static FileLogReader Reader(string root)
    {
        var reader = new FileLogReader();
        reader.Open(Context(root, null));
        return reader;
    }

    public static FifoLogSink Fifo(string root, string path, List<string>? warnings = null, long spoolBytes = 16 << 20)
    {
        var sink = new FifoLogSink();
        Assert.True(sink.Open(Context(root, warnings, [("Path", path), ("SpoolBytes", spoolBytes.ToString())])));
        return sink;
    }

    public static LogSinkContext Context(string root, List<string>? warnings,
        params (string Key, string Value)[] settings)
        => new(root, settings.ToDictionary(s => s.Key, s => s.Value), m => { lock (warnings ?? []) warnings?.Add(m); });
}
