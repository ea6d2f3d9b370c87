using Platform.Abstractions;
using Platform.Host.Configuration;
using Platform.Host.Plugins;

namespace Platform.Host.Journal;

/// <summary>
/// Opens the <c>log-reader</c> export named after the <c>file</c> log sink, through the plugin catalog like every
/// other export (manifests, safety checks, list-plugins). Only the plugin that declares it is loaded.
/// </summary>
internal static class JournalReaderFactory
{
    /// <summary>The log sink journalctl and <c>systemctl status</c> read back.</summary>
    public const string SinkName = "file";

    /// <summary>
    /// journalctl's reader of a root (dispose it), or null after a one-line message on <paramref name="warn"/>.
    /// </summary>
    public static ILogReaderSource? Open(string root, Action<string> warn)
    {
        var config = HostConfiguration.Load(root, null, warn);
        var plugins = PluginCatalog.Discover(PluginSearchOptions.For(root, config), warn);
        if (plugins.Get<ILogReaderSource>(PluginKind.LogReader, SinkName) is not { } reader)
        {
            // systemd's journalctl notice for a journal folder with nothing it can open.
            warn("No journal files were found.");
            return null;
        }
        if (TryOpen(reader, config, root, warn)) return reader;
        warn("Failed to open journal: Input/output error");
        return null;
    }

    /// <summary>
    /// The reader with the sink's settings applied, or null when none is installed or it cannot open.
    /// </summary>
    public static ILogReaderSource? Open(PluginCatalog plugins, HostConfiguration config, string root)
    {
        var reader = plugins.Get<ILogReaderSource>(PluginKind.LogReader, SinkName);
        return reader is not null && TryOpen(reader, config, root, _ => { }) ? reader : null;
    }

    // Disposes the reader when it does not open.
    private static bool TryOpen(ILogReaderSource reader, HostConfiguration config, string root, Action<string> warn)
    {
        try
        {
            if (reader.Open(new LogSinkContext(root, config.GetSection("LogSink", SinkName), warn))) return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        reader.Dispose();
        return false;
    }
}
