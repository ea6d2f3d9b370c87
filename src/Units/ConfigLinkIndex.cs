namespace Platform.Units;

/// <summary>
/// Every symlink in the configuration folders (top level and one level of <c>.wants/</c>, <c>.requires/</c>,
/// <c>.upholds/</c> folders), read once. This is where enablement lives.
/// </summary>
internal sealed class ConfigLinkIndex
{
    private static readonly string[] DependencySuffixes = [".wants", ".requires", ".upholds"];

    public ConfigLinkIndex(UnitPaths paths, DirectoryCache cache)
    {
        var links = new List<ConfigLink>();
        var seenDirs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in paths.SearchPath)
        {
            if (!dir.IsConfig || !seenDirs.Add(dir.Path)) continue;
            var listing = cache.Get(dir.Path);
            foreach (var name in listing.Names)
            {
                var kind = listing.Kind(name);
                if (kind == EntryKind.Symlink)
                    Add(links, dir, null, name, listing.LinkTarget(name), dir.Path, dir.InRoot);
                else if (kind == EntryKind.Directory && HasDependencySuffix(name))
                {
                    var sub = cache.Get(Path.Join(dir.Path, name));
                    foreach (var entry in sub.Names)
                        if (sub.Kind(entry) == EntryKind.Symlink)
                            Add(links, dir, name, entry, sub.LinkTarget(entry), sub.Path, dir.InRoot + "/" + name);
                }
            }
        }
        Links = links;
    }

    public IReadOnlyList<ConfigLink> Links { get; }

    public static bool HasDependencySuffix(string folder)
    {
        foreach (var s in DependencySuffixes)
            if (folder.EndsWith(s, StringComparison.Ordinal)) return true;
        return false;
    }

    private static void Add(List<ConfigLink> links, UnitDirectory dir, string? sub, string name, string? target,
        string diskFolder, string inRootFolder)
    {
        if (target is null) return;
        links.Add(new ConfigLink(dir, sub, name, target, RootedPath.ResolveTarget(inRootFolder, target),
            Path.Join(diskFolder, name)));
    }
}
