namespace Platform.Units;

/// <summary>
/// Every symlink in the configuration folders (top level and one level of <c>.wants/</c>, <c>.requires/</c>,
/// <c>.upholds/</c> folders). This is where enablement lives. Link targets are read only where a query needs them.
/// </summary>
internal sealed class ConfigLinkIndex
{
    private static readonly string[] DependencySuffixes = [".wants", ".requires", ".upholds"];
    private static readonly List<ConfigLink> None = [];

    private readonly List<ConfigLink> _all = [];
    private List<ConfigLink>? _readable;
    private Dictionary<string, List<ConfigLink>>? _byName, _byTemplate, _topLevelByTargetName;

    public ConfigLinkIndex(UnitPaths paths, DirectoryCache cache)
    {
        var seenDirs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in paths.SearchPath)
        {
            if (!dir.IsConfig || !seenDirs.Add(dir.Path)) continue;
            var listing = cache.Get(dir.Path);
            foreach (var name in listing.Names)
            {
                var kind = listing.Kind(name);
                if (kind == EntryKind.Symlink)
                    _all.Add(new ConfigLink(dir, null, name, listing, dir.InRoot));
                else if (kind == EntryKind.Directory && HasDependencySuffix(name))
                {
                    var sub = cache.Get(Path.Join(dir.Path, name));
                    var inRoot = dir.InRoot + "/" + name;
                    foreach (var entry in sub.Names)
                        if (sub.Kind(entry) == EntryKind.Symlink)
                            _all.Add(new ConfigLink(dir, name, entry, sub, inRoot));
                }
            }
        }
    }

    /// <summary>Every link whose target could be read, in folder order (reads all targets).</summary>
    public IReadOnlyList<ConfigLink> Links => _readable ??= _all.FindAll(l => l.Readable);

    /// <summary>The links called <paramref name="name"/>, top level or in dependency folders.</summary>
    public List<ConfigLink> Named(string name) => Lookup(_byName ??= Group(_all, l => l.Name), name);

    /// <summary>The links in dependency folders named after an instance of <paramref name="template"/>.</summary>
    public List<ConfigLink> InstancesOf(string template)
        => Lookup(_byTemplate ??= Group(_all, l => l.DependencyFolder is null ? null : UnitNames.TemplateOf(l.Name)),
            template);

    /// <summary>The top-level links whose target's file name is <paramref name="fileName"/>.</summary>
    public List<ConfigLink> TopLevelTo(string fileName)
        => Lookup(_topLevelByTargetName ??= Group(_all, l => l.DependencyFolder is null && l.Readable
            ? l.TargetName : null), fileName);

    public static bool HasDependencySuffix(string folder)
    {
        foreach (var s in DependencySuffixes)
            if (folder.EndsWith(s, StringComparison.Ordinal)) return true;
        return false;
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
