namespace Platform.Units;

/// <summary>
/// Finds the file of a unit name the way systemd.unit(5) describes: the first unit folder holding the name wins;
/// a symlink to another unit name inside the search path is an alias (followed); a symlink leading outside it is a
/// linked unit; a link to /dev/null or an empty file masks; an instance falls back to its template.
/// Only the listings of the unit folders are read, never other unit files.
/// </summary>
internal sealed class UnitFileLocator
{
    private const int MaxHops = 32;
    private readonly UnitPaths _paths;
    private readonly DirectoryCache _cache;
    private readonly Dictionary<string, UnitFileLocation> _memo = new(StringComparer.Ordinal);

    public UnitFileLocator(UnitPaths paths, DirectoryCache cache)
    {
        _paths = paths;
        _cache = cache;
    }

    public void Clear() => _memo.Clear();

    public UnitFileLocation Locate(string name)
    {
        if (_memo.TryGetValue(name, out var known)) return known;
        var result = LocateUncached(name);
        _memo[name] = result;
        return result;
    }

    private UnitFileLocation LocateUncached(string name)
    {
        var chain = new List<string> { name };
        var direct = Follow(name, chain);
        if (direct.Kind != LocationKind.NotFound || !UnitNames.IsInstance(direct.Id)) return direct;

        // No file for the instance itself: use its template, which may be an alias of another template.
        var id = direct.Id;
        var instance = UnitNames.InstanceOf(id)!;
        var templateChain = new List<string>();
        var template = Follow(UnitNames.TemplateOf(id)!, templateChain);
        if (template.Kind == LocationKind.NotFound) return direct;
        var finalId = UnitNames.WithInstance(template.Id, instance);
        foreach (var t in templateChain)
        {
            var n = UnitNames.WithInstance(t, instance);
            if (!chain.Contains(n)) chain.Add(n);
        }
        return template with { RequestedName = name, Id = finalId, AliasChain = chain };
    }

    /// <summary>
    /// Follows aliases from <paramref name="name"/> without the template fallback; adds every name passed to
    /// <paramref name="chain"/>.
    /// </summary>
    private UnitFileLocation Follow(string name, List<string> chain)
    {
        if (chain.Count == 0) chain.Add(name);
        var current = name;
        for (var hop = 0; hop < MaxHops; hop++)
        {
            var (location, aliasTarget) = Probe(name, current, chain);
            if (aliasTarget is null) return location;
            if (chain.Contains(aliasTarget))
                return new UnitFileLocation(name, current, chain, LocationKind.Broken, location.Path,
                    location.Directory, null,
                    $"Failed to load {current}: Too many levels of symbolic links");
            chain.Add(aliasTarget);
            current = aliasTarget;
        }
        return new UnitFileLocation(name, current, chain, LocationKind.Broken, null, null, null,
            $"Failed to load {current}: Too many levels of symbolic links");
    }

    private (UnitFileLocation Location, string? AliasTarget) Probe(string requested, string name, List<string> chain)
    {
        foreach (var dir in _paths.SearchPath)
        {
            var listing = _cache.Get(dir.Path);
            var kind = listing.Kind(name);
            if (kind is EntryKind.None or EntryKind.Directory or EntryKind.Other) continue;
            var path = Path.Join(dir.Path, name);
            if (kind == EntryKind.File)
                return (Found(requested, name, chain, EmptyFile.Is(path) ? LocationKind.Masked : LocationKind.File,
                    path, dir), null);
            var target = listing.LinkTarget(name);
            if (target is null) continue;
            if (RootedPath.IsDevNull(target))
                return (Found(requested, name, chain, LocationKind.Masked, path, dir), null);
            var targetInRoot = RootedPath.ResolveTarget(dir.InRoot, target);
            var targetName = RootedPath.FileName(targetInRoot);
            var inSearchPath = _paths.FindDirectory(RootedPath.Folder(targetInRoot)) is not null;
            if (inSearchPath && targetName != name && UnitNames.IsValid(targetName)
                && UnitNames.SameType(targetName, name))
                return (Found(requested, name, chain, LocationKind.File, path, dir), targetName);
            var real = RootedPath.Canonicalize(_paths.Root, targetInRoot);
            if (RootedPath.IsDevNull(real))
                return (Found(requested, name, chain, LocationKind.Masked, path, dir), null);
            var onDisk = _paths.Under(real);
            if (!File.Exists(onDisk))
                return (Found(requested, name, chain, LocationKind.Broken, path, dir) with
                    { Error = $"Failed to open {path}: No such file or directory" }, null);
            var found = EmptyFile.Is(onDisk) ? LocationKind.Masked
                : inSearchPath ? LocationKind.File : LocationKind.Linked;
            return (Found(requested, name, chain, found, path, dir) with { ContentPath = onDisk }, null);
        }
        return (new UnitFileLocation(requested, name, chain, LocationKind.NotFound, null, null, null, null), null);
    }

    private static UnitFileLocation Found(string requested, string name, List<string> chain, LocationKind kind,
        string path, UnitDirectory dir)
        => new(requested, name, chain, kind, path, dir, name, null, path);
}
