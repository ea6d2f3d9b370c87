namespace Platform.Units;

/// <summary>
/// Which names are aliases of which unit: every top-level symlink in the unit folders whose target is another
/// unit name inside the search path. Built on first use by reading link targets only (no unit file is opened).
/// </summary>
internal sealed class AliasIndex
{
    private readonly Dictionary<string, List<string>> _aliasesOf = new(StringComparer.Ordinal);

    public AliasIndex(UnitPaths paths, DirectoryCache cache)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in paths.SearchPath)
        {
            var listing = cache.Get(dir.Path);
            foreach (var name in listing.Names)
            {
                if (!seen.Add(name)) continue;
                if (listing.Kind(name) != EntryKind.Symlink || !UnitNames.IsValid(name)) continue;
                var target = listing.LinkTarget(name);
                if (target is null || RootedPath.IsDevNull(target)) continue;
                var targetInRoot = RootedPath.ResolveTarget(dir.InRoot, target);
                var targetName = RootedPath.FileName(targetInRoot);
                if (targetName == name || !UnitNames.IsValid(targetName) || !UnitNames.SameType(name, targetName))
                    continue;
                if (paths.FindDirectory(RootedPath.Folder(targetInRoot)) is null) continue;
                if (!_aliasesOf.TryGetValue(targetName, out var list)) _aliasesOf[targetName] = list = [];
                list.Add(name);
            }
        }
    }

    /// <summary>
    /// Every alias of <paramref name="id"/>, transitively (an alias of an alias counts), and for an instance
    /// also the instances of its template's template aliases.
    /// </summary>
    public IReadOnlyList<string> AliasesOf(string id)
    {
        var result = new List<string>();
        Collect(id, result);
        if (UnitNames.IsInstance(id))
        {
            var instance = UnitNames.InstanceOf(id)!;
            var templates = new List<string>();
            Collect(UnitNames.TemplateOf(id)!, templates);
            foreach (var t in templates)
            {
                if (!UnitNames.IsTemplate(t)) continue;
                var n = UnitNames.WithInstance(t, instance);
                if (n != id && !result.Contains(n)) result.Add(n);
            }
        }
        return result;
    }

    private void Collect(string name, List<string> into)
    {
        if (!_aliasesOf.TryGetValue(name, out var direct)) return;
        foreach (var a in direct)
        {
            if (into.Contains(a)) continue;
            into.Add(a);
            Collect(a, into);
        }
    }
}
