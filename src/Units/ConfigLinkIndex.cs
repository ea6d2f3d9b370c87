namespace Platform.Units;

/// <summary>
/// Every symlink in the configuration folders (top level and one level of <c>.wants/</c>, <c>.requires/</c>,
/// <c>.upholds/</c> folders). This is where enablement lives. Link targets are read only where a query needs them,
/// and the dependency folders only once a query needs more than a few names from them.
/// </summary>
internal sealed class ConfigLinkIndex
{
    private static readonly string[] DependencySuffixes = [".wants", ".requires", ".upholds"];
    private static readonly List<ConfigLink> None = [];

    /// <summary>Names asked one readlink per dependency folder before the folders are read whole.</summary>
    private const int ProbedNames = 8;

    private readonly DirectoryCache _cache;
    private readonly List<ConfigLink> _topLevel = [];
    private readonly List<(UnitDirectory Directory, string Folder)> _dependencyFolders = [];
    private List<ConfigLink>? _all, _readable;
    private Dictionary<string, List<ConfigLink>>? _byName, _byTemplate, _topLevelByTargetName;
    private int _probes;

    public ConfigLinkIndex(UnitPaths paths, DirectoryCache cache)
    {
        _cache = cache;
        var seenDirs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in paths.SearchPath)
        {
            if (!dir.IsConfig || !seenDirs.Add(dir.Path)) continue;
            var listing = cache.Get(dir.Path);
            foreach (var name in listing.Names)
            {
                var kind = listing.Kind(name);
                if (kind == EntryKind.Symlink)
                    _topLevel.Add(new ConfigLink(dir, null, name, dir.Path, dir.InRoot, listing));
                else if (kind == EntryKind.Directory && HasDependencySuffix(name))
                    _dependencyFolders.Add((dir, name));
            }
        }
    }

    /// <summary>Every link whose target could be read (reads all folders and targets).</summary>
    public IReadOnlyList<ConfigLink> Links => _readable ??= All.FindAll(l => l.Readable);

    /// <summary>
    /// The links called <paramref name="name"/>, top level or in dependency folders (some may not be
    /// <see cref="ConfigLink.Readable"/>).
    /// </summary>
    public List<ConfigLink> Named(string name)
    {
        // A single is-enabled needs one name: trying it in each folder spares reading folders of hundreds of links.
        if (_all is null && _probes++ < ProbedNames) return Probe(name);
        return Lookup(_byName ??= Group(All, l => l.Name), name);
    }

    /// <summary>The links in dependency folders named after an instance of <paramref name="template"/>.</summary>
    public List<ConfigLink> InstancesOf(string template)
        => Lookup(_byTemplate ??= Group(All, l => l.DependencyFolder is null ? null : UnitNames.TemplateOf(l.Name)),
            template);

    /// <summary>The readable top-level links whose target's file name is <paramref name="fileName"/>.</summary>
    public List<ConfigLink> TopLevelTo(string fileName)
        => Lookup(_topLevelByTargetName ??= Group(_topLevel, l => l.Readable ? l.TargetName : null), fileName);

    public static bool HasDependencySuffix(string folder)
    {
        foreach (var s in DependencySuffixes)
            if (folder.EndsWith(s, StringComparison.Ordinal)) return true;
        return false;
    }

    private List<ConfigLink> All => _all ??= ReadAll();

    private List<ConfigLink> ReadAll()
    {
        var all = new List<ConfigLink>(_topLevel);
        foreach (var (dir, folder) in _dependencyFolders)
        {
            var sub = _cache.Get(Path.Join(dir.Path, folder));
            var inRoot = dir.InRoot + "/" + folder;
            foreach (var entry in sub.Names)
                if (sub.Kind(entry) == EntryKind.Symlink)
                    all.Add(new ConfigLink(dir, folder, entry, sub.Path, inRoot, sub));
        }
        return all;
    }

    private List<ConfigLink> Probe(string name)
    {
        var found = new List<ConfigLink>();
        foreach (var link in _topLevel)
            if (link.Name == name) found.Add(link);
        foreach (var (dir, folder) in _dependencyFolders)
            found.Add(new ConfigLink(dir, folder, name, Path.Join(dir.Path, folder), dir.InRoot + "/" + folder,
                null));
        return found;
    }

    private static List<ConfigLink> Lookup(Dictionary<string, List<ConfigLink>> map, string key)
        => map.TryGetValue(key, out var list) ? list : None;

    private static Dictionary<string, List<ConfigLink>> Group(List<ConfigLink> links, Func<ConfigLink, string?> key)
    {
        var map = new Dictionary<string, List<ConfigLink>>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            if (key(link) is not { } k) continue;
            if (!map.TryGetValue(k, out var list)) map[k] = list = [];
            list.Add(link);
        }
        return map;
    }
}
