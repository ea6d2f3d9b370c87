using Platform.Abstractions;
using Platform.Host.Configuration;
using Platform.Host.Lifecycle;
using Platform.Host.Plugins;
using Platform.Units;
using Platform.Interop;

namespace Platform.Host.Cli;

/// <summary>What every command works with: the parsed options, the root, and the output streams.</summary>
internal sealed class HostContext
{
    public HostContext(CommandLineOptions options, TextWriter stdout, TextWriter stderr)
    {
        Options = options;
        Out = stdout;
        Err = stderr;
        Root = NormalizeRoot(options.Root);
    }

    private UnitRepository? _units;
    private HostConfiguration? _config;
    private PluginCatalog? _plugins;
    private IStatusStore? _store;

    public CommandLineOptions Options { get; }

    /// <summary>
    /// The unit engine for this root and mode; created on first use so commands that need no units pay nothing.
    /// </summary>
    public UnitRepository Units => _units ??= new UnitRepository(
        Options.UserMode ? UnitPaths.ForUser(UserHome(), RootOrSlash, UserRuntimeDirectory())
            : UnitPaths.ForSystem(RootOrSlash), Warn);

    /// <summary>The configuration file under the root with the <c>-c</c> overrides applied.</summary>
    public HostConfiguration Config => _config ??= HostConfiguration.Load(RootOrSlash, Options.ConfigOverrides, Warn);

    /// <summary>The plugin catalog (manifests only; assemblies load when an export is asked for).</summary>
    public PluginCatalog Plugins =>
        _plugins ??= PluginCatalog.Discover(PluginSearchOptions.For(RootOrSlash, Config), Warn);

    /// <summary>
    /// The manager's run folder: <c>/run</c> for the system, the user's runtime folder with <c>--user</c>.
    /// </summary>
    public string RunDirectory => Options.UserMode ? Units.Paths.Under(Units.Paths.RuntimeDirectory) : Under("/run");

    /// <summary>Where per-unit lock files and notify sockets live (the seed's <c>/run/systemd</c>).</summary>
    public string ManagerRunDirectory => Path.Join(RunDirectory, "systemd");

    /// <summary>The configured status store, opened on first use.</summary>
    public IStatusStore Store => _store ??= OpenStore();

    private SynchronizedStore OpenStore()
    {
        var name = Config.StatusStore;
        var store = Plugins.Get<IStatusStore>(PluginKind.StatusStore, name)
            ?? throw new InvalidOperationException(
                $"Status store '{name}' is not available (see 'systemctl list-plugins').");
        var directory = Path.Join(RunDirectory, "platform", "status");
        // Records name the processes root's stop kills: only a folder nobody else can write holds them.
        TrustedFolder.Ensure(directory);
        StoreSwitch.Check(this, directory, name);
        store.Open(new StatusStoreContext(directory, BootIdentity.Current(),
            Config.GetSection("StatusStore", name)) { Warn = Warn });
        // Transactions run jobs in parallel; store plugins need not be thread-safe.
        return new SynchronizedStore(store);
    }

    /// <summary>The root as the unit engine wants it: <c>/</c> or the folder.</summary>
    public string RootOrSlash => Root.Length == 0 ? "/" : Root;
    public TextWriter Out { get; }
    public TextWriter Err { get; }

    /// <summary>
    /// The root folder without a trailing slash; empty for the real root, so <c>Root + "/etc"</c> works for both.
    /// </summary>
    public string Root { get; }

    /// <summary>
    /// The root's cgroup2 hierarchy once <see cref="Lifecycle.UnitControlGroup"/> probed it (null: none usable).
    /// </summary>
    internal Platform.Exec.ControlGroups? ControlGroups { get; set; }
    internal bool ControlGroupsProbed { get; set; }

    /// <summary>Maps an absolute path inside the managed system to the real file system.</summary>
    public string Under(string absolutePath) => Root + absolutePath;

    /// <summary>
    /// Prints a warning line to stderr (unless quiet applies to warnings: systemd prints them regardless).
    /// </summary>
    public void Warn(string message) => Err.WriteLine(message);

    /// <summary>
    /// <c>$XDG_RUNTIME_DIR</c>, else <c>/run/user/UID</c> where a login manager made it; a container has neither, and a
    /// non-root user cannot create folders in /run, so a private folder under /tmp takes its place.
    /// </summary>
    private string UserRuntimeDirectory()
    {
        if (Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } xdg) return xdg;
        var uid = LibC.getuid();
        var run = "/run/user/" + uid;
        if (Directory.Exists(Under(run)) || Environment.IsPrivilegedProcess) return run;
        var fallback = "/tmp/platform-runtime-" + uid;
        TrustedFolder.EnsurePrivate(Under(fallback), uid);
        return fallback;
    }

    private static string UserHome() => Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } h ? h : "/root";

    private static string NormalizeRoot(string root)
    {
        if (string.IsNullOrEmpty(root)) return "";
        return Path.GetFullPath(root).TrimEnd('/');
    }
}
