namespace Platform.Units;

/// <summary>
/// The unit folders of system or user mode, all under a root (<c>/</c> or <c>--root=DIR</c>), earliest first.
/// A folder reached twice through symlinks (<c>/lib</c> → <c>/usr/lib</c>) is listed once.
/// </summary>
public sealed class UnitPaths
{
    private readonly Dictionary<string, UnitDirectory> _byFolder = new(StringComparer.Ordinal);
    private readonly List<string> _generatorOutputs = [];

    private UnitPaths(string root, bool user, string? home, string runtimeDirectory,
        (string InRoot, UnitDirectoryKind Kind)[] folders, string[] presetFolders)
    {
        Root = NormalizeRoot(root);
        IsUser = user;
        Home = home;
        RuntimeDirectory = runtimeDirectory;
        var search = new List<UnitDirectory>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        UnitDirectory? config = null, runtime = null;
        foreach (var (inRoot, kind) in folders)
        {
            var dir = new UnitDirectory(Under(inRoot), inRoot, kind);
            if (kind == UnitDirectoryKind.Config) config ??= dir;
            if (kind == UnitDirectoryKind.Runtime) runtime ??= dir;
            if (kind == UnitDirectoryKind.Generator) _generatorOutputs.Add(inRoot);
            var canonical = RootedPath.Canonicalize(Root, inRoot);
            _byFolder.TryAdd(inRoot, dir);
            _byFolder.TryAdd(canonical, dir);
            if (seen.Add(canonical)) search.Add(dir);
        }
        SearchPath = search;
        var presets = new List<string>();
        var seenPresets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in presetFolders)
            if (seenPresets.Add(RootedPath.Canonicalize(Root, p))) presets.Add(Under(p));
        PresetDirectories = presets;
        ConfigDirectory = config ?? search[0];
        RuntimeConfigDirectory = runtime ?? search[0];
    }

    /// <summary>The system manager's folders under <paramref name="root"/>.</summary>
    /// <remarks>
    /// The generator output folders sit where systemd.unit(5)'s load path table puts them: <c>generator.early</c>
    /// before <c>/etc</c>, <c>generator</c> between <c>/run</c> and <c>/usr/local</c>, <c>generator.late</c> last.
    /// systemd 252 searches them offline (<c>--root</c>) too.
    /// </remarks>
    public static UnitPaths ForSystem(string root = "/") => new(root, false, "/root", "/run",
        [
            ("/run/systemd/generator.early", UnitDirectoryKind.Generator),
            ("/etc/systemd/system", UnitDirectoryKind.Config),
            ("/run/systemd/system", UnitDirectoryKind.Runtime),
            ("/run/systemd/generator", UnitDirectoryKind.Generator),
            ("/usr/local/lib/systemd/system", UnitDirectoryKind.Local),
            ("/usr/lib/systemd/system", UnitDirectoryKind.Vendor),
            ("/lib/systemd/system", UnitDirectoryKind.Vendor),
            ("/run/systemd/generator.late", UnitDirectoryKind.Generator),
        ],
        ["/etc/systemd/system-preset", "/run/systemd/system-preset", "/usr/local/lib/systemd/system-preset",
         "/usr/lib/systemd/system-preset", "/lib/systemd/system-preset"]);

    /// <summary>
    /// A user manager's folders; <paramref name="home"/> and <paramref name="runtimeDirectory"/> are paths inside the
    /// root.
    /// </summary>
    public static UnitPaths ForUser(string home, string root = "/", string? runtimeDirectory = null)
    {
        home = RootedPath.Normalize(home);
        var runtime = runtimeDirectory ?? "/run/user/" + ProcessIdentity.Current.Uid;
        return new(root, true, home, runtime,
            [
                (runtime + "/systemd/generator.early", UnitDirectoryKind.Generator),
                (home + "/.config/systemd/user", UnitDirectoryKind.Config),
                ("/etc/systemd/user", UnitDirectoryKind.SystemConfig),
                (runtime + "/systemd/user", UnitDirectoryKind.Runtime),
                ("/run/systemd/user", UnitDirectoryKind.SystemConfig),
                (runtime + "/systemd/generator", UnitDirectoryKind.Generator),
                ("/usr/local/lib/systemd/user", UnitDirectoryKind.Local),
                ("/usr/lib/systemd/user", UnitDirectoryKind.Vendor),
                ("/lib/systemd/user", UnitDirectoryKind.Vendor),
                (runtime + "/systemd/generator.late", UnitDirectoryKind.Generator),
            ],
            ["/etc/systemd/user-preset", "/run/systemd/user-preset", "/usr/local/lib/systemd/user-preset",
             "/usr/lib/systemd/user-preset", "/lib/systemd/user-preset"]);
    }

    /// <summary>The root folder on disk: <c>/</c>, or the <c>--root</c> folder without a trailing slash.</summary>
    public string Root { get; }

    /// <summary>User mode (<c>--user</c>).</summary>
    public bool IsUser { get; }

    /// <summary>The home folder inside the root (<c>/root</c> for the system manager).</summary>
    public string? Home { get; }

    /// <summary>The runtime folder inside the root (<c>%t</c>): <c>/run</c>, or the user's runtime folder.</summary>
    public string RuntimeDirectory { get; }

    /// <summary>The unit folders, earliest (highest priority) first.</summary>
    public IReadOnlyList<UnitDirectory> SearchPath { get; }

    /// <summary>
    /// Where <c>enable</c>, <c>mask</c> and <c>set-default</c> write: <c>/etc/systemd/system</c> or
    /// <c>~/.config/systemd/user</c>.
    /// </summary>
    public UnitDirectory ConfigDirectory { get; }

    /// <summary>
    /// Where the <c>--runtime</c> variants write: <c>/run/systemd/system</c> or the user's runtime folder.
    /// </summary>
    public UnitDirectory RuntimeConfigDirectory { get; }

    /// <summary>
    /// The generator output folders inside the root: early, normal, late (the three arguments a generator gets).
    /// </summary>
    public IReadOnlyList<string> GeneratorOutputs => _generatorOutputs;

    /// <summary>The preset folders on disk, earliest first.</summary>
    public IReadOnlyList<string> PresetDirectories { get; }

    /// <summary><c>ROOT/run</c> on disk.</summary>
    public string RunDirectory => Under("/run");

    /// <summary><c>ROOT/etc/init.d</c> on disk: SysV scripts (system mode only).</summary>
    public string InitDirectory => Under("/etc/init.d");

    /// <summary>Maps an absolute path inside the root to its on-disk path.</summary>
    public string Under(string absPath) => RootedPath.Under(Root, absPath);

    /// <summary>Maps an on-disk path under the root back to the path seen inside the root.</summary>
    public string InRoot(string onDisk) => RootedPath.InRoot(Root, onDisk);

    /// <summary>
    /// The unit folder an in-root folder path denotes (also through symlinked folders), or null when it is not one.
    /// </summary>
    public UnitDirectory? FindDirectory(string folderInRoot)
    {
        if (_byFolder.TryGetValue(folderInRoot, out var dir)) return dir;
        var canonical = RootedPath.Canonicalize(Root, folderInRoot);
        return _byFolder.GetValueOrDefault(canonical);
    }

    private static string NormalizeRoot(string root)
    {
        if (string.IsNullOrEmpty(root) || root == "/") return "/";
        // Path.GetFullPath is only needed for relative roots; it costs start-up time.
        var full = root.StartsWith('/') ? RootedPath.Normalize(root) : Path.GetFullPath(root).TrimEnd('/');
        return full.Length == 0 ? "/" : full;
    }
}
