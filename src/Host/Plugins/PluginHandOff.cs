using Platform.Exec;
using Platform.Host.Cli;
using Platform.Host.Configuration;
using Platform.Journal;

namespace Platform.Host.Plugins;

/// <summary>
/// The native executable cannot load assemblies, so when a call may need a third-party plugin and a usable one is
/// installed it hands the whole call to the managed plugin host: execve keeps the pid, argv, environment, descriptors
/// and signal mask, and the exit code is the host's own. Decided before any work is done, so nothing runs twice; a call
/// whose needs the built-ins cover (<see cref="PluginNeeds"/>) stays native, and without third-party plugins no managed
/// runtime ever starts.
/// </summary>
internal static class PluginHandOff
{
    /// <summary>Where the managed plugin host lives, relative to the native executable's folder.</summary>
    public const string HostRelativePath = "plugin-host/systemctl-plugin-host";

    /// <summary>
    /// Names another plugin host executable (for packagers that install it elsewhere, and for tests).
    /// </summary>
    public const string HostVariable = "PLATFORM_PLUGIN_HOST";

    /// <summary>
    /// Replaces this process with the plugin host when the call may need a third-party plugin; returns when it stays
    /// native (no usable third-party plugin, or no plugin host installed: the plugin folders then say why they are
    /// skipped).
    /// </summary>
    public static void IfNeeded(string name, string[] args)
    {
        // Neither loads a plugin, and the exec helper runs between a service's spawn and its own exec.
        if (name == "systemd-notify" || (args.Length > 0 && args[0] == ExecHelper.Mode)) return;
        string root;
        CommandLineOptions? options = null;
        if (name is not "journalctl" && !(args.Length > 0 && args[0].StartsWith("__", StringComparison.Ordinal)))
        {
            // The same parse the call itself makes, for --root, -c and the verb; a usage error stays native.
            try { options = ArgParser.Parse(args); }
            catch (UsageException) { return; }
            root = options.Root;
        }
        else root = JournalctlCommand.ExtractRoot(args);
        var configuration = HostConfiguration.Load(root, options?.ConfigOverrides, static _ => { });
        var search = PluginSearchOptions.For(root, configuration);
        // Cheapest first: without a third-party folder (two stats, usually) there is nothing to decide.
        if (!PluginDiscovery.AnyThirdParty(search)) return;
        if (PluginNeeds.Of(name, args, options, configuration) is { } needs
            && needs.All(PluginDiscovery.BuiltInExports(search).Contains)) return;
        var host = Environment.GetEnvironmentVariable(HostVariable) is { Length: > 0 } named ? named
            : Path.Join(AppContext.BaseDirectory, HostRelativePath);
        if (!File.Exists(host)) return;
        var error = ProcessImage.Replace(host, ProcessImage.OwnArguments());
        Console.Error.WriteLine($"{name}: cannot start the plugin host {host}: {error}");
    }
}
