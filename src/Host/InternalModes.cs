using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Configuration;
using Platform.Host.Journal;
using Platform.Host.Plugins;
using Platform.Journal;

namespace Platform.Host;

/// <summary>Hidden modes the binary re-executes itself in (never typed by users).</summary>
internal static class InternalModes
{
    public static int Run(string[] args)
    {
        // The exec helper runs between spawn and the service's own exec: nothing else may run before it.
        if (args[0] == ExecHelper.Mode) return ExecHelper.Run(args);
        if (args[0] == "__journald") return JournalDaemon.Run(args[1..], OpenConfiguredSinks, PeerUnitResolver.For);
        if (args[0] == "__socket-holder") return Sockets.SocketHolder.Run(args[1..]);
        if (args[0] == Paths.PathWatcherProcess.Mode) return Paths.PathWatcherProcess.Run(args);
        Console.Error.WriteLine($"systemctl: unknown internal mode {args[0]}");
        return 1;
    }

    /// <summary>Opens the log sinks the root's configuration names; used by the detached pump.</summary>
    internal static IReadOnlyList<ILogSink> OpenConfiguredSinks(string root, Action<string> warn)
    {
        var config = HostConfiguration.Load(root, null, warn);
        var catalog = PluginCatalog.Discover(PluginSearchOptions.For(root, config), warn);
        var sinks = new List<KeyValuePair<string, ILogSink>>();
        foreach (var name in config.LogSinks)
        {
            var sink = catalog.Get<ILogSink>(PluginKind.LogSink, name);
            if (sink is null) warn($"log sink {name} is not installed; skipped");
            else sinks.Add(new(name, sink));
        }
        return LogSinkOpener.OpenAll(sinks, root, name => config.GetSection("LogSink", name), warn);
    }
}
