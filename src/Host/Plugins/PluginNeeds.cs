using System.Collections.Frozen;
using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Configuration;
using Platform.Host.Journal;

namespace Platform.Host.Plugins;

/// <summary>
/// Which plugin exports a call can ask for, decided from its arguments and the configuration before it does any work.
/// A built-in export always wins over a third-party one of the same kind and name, so a call whose needs the built-ins
/// cover never needs the managed plugin host.
/// </summary>
internal static class PluginNeeds
{
    /// <summary>
    /// Verbs that start and stop nothing: the only exports they ask for are the status store and the <c>file</c> log
    /// reader (<c>status</c>). Every other verb (start, stop, restart, isolate, daemon-reload, the init, ...) may
    /// start a unit whose <c>Type=</c> or <c>X-NotifyTransport=</c> names a third-party export.
    /// </summary>
    private static readonly FrozenSet<string> StoreOnlyVerbs = FrozenSet.ToFrozenSet(
    [
        "is-active", "is-failed", "is-enabled", "is-system-running", "status", "show", "cat", "list-units",
        "list-unit-files", "list-sockets", "list-timers", "list-paths", "list-jobs", "list-dependencies", "help",
        "get-default", "set-default", "enable", "disable", "reenable", "preset", "preset-all", "mask", "unmask", "link",
        "revert", "add-wants", "add-requires", "show-environment", "set-environment", "unset-environment",
        "import-environment", "reset-failed", "kill",
    ], StringComparer.Ordinal);

    /// <summary>
    /// The exports the call may ask for, or null when it may ask for any (list-plugins, or a call that may start
    /// units). <paramref name="options"/> is the parsed systemctl command line (null for journalctl and the internal
    /// modes).
    /// </summary>
    public static IReadOnlyList<PluginExportName>? Of(string name, string[] args, CommandLineOptions? options,
        HostConfiguration configuration)
    {
        var reader = new PluginExportName(PluginKind.LogReader, JournalReaderFactory.SinkName);
        if (name == "journalctl") return [reader];
        if (options is null)
        {
            if (args.Length > 0 && args[0] == "__journald")
                return [.. configuration.LogSinks.Select(sink => new PluginExportName(PluginKind.LogSink, sink))];
            return null;
        }
        var storeOnly = options.ShowVersion || options.ShowHelp
            || (options.Command is { } verb && StoreOnlyVerbs.Contains(verb) && !options.Now);
        return storeOnly ? [new PluginExportName(PluginKind.StatusStore, configuration.StatusStore), reader] : null;
    }
}
