using Platform.Abstractions;
using Platform.Host.Configuration;
using Platform.Host.Journal;
using Platform.Host.Notify;
using Platform.Host.Plugins;

namespace Platform.Host;

/// <summary>Entry points of the companion tools that share this binary.</summary>
internal static class Entry
{
    /// <summary>journalctl: reads the file log sink of the root (read-only) and prints as systemd's journalctl does.</summary>
    public static int Journalctl(string[] args)
    {
        var root = JournalctlCommand.ExtractRoot(args);
        var config = HostConfiguration.Load(root, null, Warn);
        var catalog = PluginCatalog.Discover(PluginSearchOptions.For(root, config), Warn);
        var sink = catalog.Get<ILogSink>(PluginKind.LogSink, "file");
        if (sink is not ILogReader reader)
        {
            Console.Error.WriteLine("journalctl: the file log sink is not installed; no journal to read.");
            sink?.Dispose();
            return 1;
        }
        using var owned = sink;
        var settings = new Dictionary<string, string>(config.GetSection("LogSink", "file")) { ["ReadOnly"] = "true" };
        if (!sink.Open(new LogSinkContext(root, settings, Warn)))
        {
            Console.Error.WriteLine("journalctl: cannot open the journal.");
            return 1;
        }
        using var cancel = new CancellationTokenSource();
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; cancel.Cancel(); });
        using var stdout = Console.OpenStandardOutput();
        return JournalctlCommand.Run(args, reader, stdout, Console.Error, cancel.Token);
    }

    public static int SystemdNotify(string[] args) => SystemdNotifyCommand.Run(args, Console.Out, Console.Error);

    private static void Warn(string message) => Console.Error.WriteLine("journalctl: " + message);
}
