using System.Runtime.Loader;
using Platform.Abstractions;
using Platform.Host.Configuration;
using Platform.Host.Plugins;

namespace Platform.Host.Journal;

/// <summary>
/// Opens the <c>file</c> log sink of a root read-only for journalctl. Built-in plugins come first in the catalog's
/// precedence, so when the install folder ships the built-in LogSinks plugin its <c>file</c> export is what the
/// pump writes with; creating it directly skips the manifest scan and JSON parsing, a quarter of journalctl's start.
/// Any other layout goes through the plugin catalog.
/// </summary>
internal static class JournalReaderFactory
{
    private const string BuiltInFolder = "LogSinks";
    private const string BuiltInAssembly = "Platform.LogSinks.dll";
    private const string BuiltInType = "Platform.LogSinks.FileJournal.FileLogSink";

    /// <summary>The opened reader (dispose it), or null after a one-line message on <paramref name="warn"/>.</summary>
    public static ILogSink? Open(string root, Action<string> warn)
    {
        var config = HostConfiguration.Load(root, null, warn);
        var sink = BuiltIn() ?? PluginCatalog.Discover(PluginSearchOptions.For(root, config), warn)
            .Get<ILogSink>(PluginKind.LogSink, "file");
        if (sink is not ILogReader)
        {
            // systemd's journalctl notice for a journal folder with nothing it can open.
            warn("No journal files were found.");
            sink?.Dispose();
            return null;
        }
        var settings = new Dictionary<string, string>(config.GetSection("LogSink", "file")) { ["ReadOnly"] = "true" };
        if (sink.Open(new LogSinkContext(root, settings, warn))) return sink;
        warn("Failed to open journal: Input/output error");
        sink.Dispose();
        return null;
    }

    // The default load context suffices: the plugin depends only on the contracts, which the host already holds.
    private static ILogSink? BuiltIn()
    {
        var path = Path.Join(AppContext.BaseDirectory, "plugins", BuiltInFolder, BuiltInAssembly);
        if (!File.Exists(path)) return null;
        try
        {
            var type = AssemblyLoadContext.Default.LoadFromAssemblyPath(path).GetType(BuiltInType, throwOnError: false);
            return type is null ? null : Activator.CreateInstance(type) as ILogSink;
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or MissingMethodException
            or TypeLoadException)
        {
            return null;
        }
    }
}
