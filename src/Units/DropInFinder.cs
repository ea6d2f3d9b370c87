namespace Platform.Units;

/// <summary>
/// Finds drop-ins (<c>NAME.d/*.conf</c>) and dependency folders (<c>NAME.wants/</c>, <c>NAME.requires/</c>) per
/// systemd.unit(5): for every name of the unit and every unit folder, the name itself, its template and the
/// dash-truncated prefixes (<c>a-b-.service.d</c>, <c>a-.service.d</c>), then the type-level <c>service.d</c>.
/// A file name found in an earlier folder of that list hides the same name later; the result is sorted by file name.
/// </summary>
internal sealed class DropInFinder
{
    private readonly UnitPaths _paths;
    private readonly DirectoryCache _cache;

    public DropInFinder(UnitPaths paths, DirectoryCache cache)
    {
        _paths = paths;
        _cache = cache;
    }

    /// <summary>
    /// The <c>.conf</c> drop-ins to apply, on disk, in application order (masked and empty ones left out).
    /// </summary>
    public IReadOnlyList<string> FindConfFiles(IReadOnlyList<string> names)
    {
        var winners = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var dir in CandidateDirs(names, ".d", typeLevel: true))
        {
            var listing = _cache.Get(dir);
            foreach (var file in listing.Names)
            {
                if (!file.EndsWith(".conf", StringComparison.Ordinal) || winners.ContainsKey(file)) continue;
                var kind = listing.Kind(file);
                if (kind is EntryKind.Directory or EntryKind.Other) continue;
                var path = Path.Join(dir, file);
                var masked = kind == EntryKind.Symlink && listing.LinkTarget(file) is { } t && RootedPath.IsDevNull(t);
                winners[file] = masked || EmptyFile.Is(path) ? null : path;
            }
        }
        var fileNames = new List<string>(winners.Keys);
        fileNames.Sort(StringComparer.Ordinal);
        var result = new List<string>(fileNames.Count);
        foreach (var fileName in fileNames)
            if (winners[fileName] is { } path) result.Add(path);
        return result;
    }

    /// <summary>
    /// Unit names linked from the <c>NAME.wants/</c> (or other <paramref name="suffix"/>) folders of any of the names;
    /// a template linked from a template's folder gets the instance of <paramref name="names"/>[0].
    /// </summary>
    public IReadOnlyList<string> FindDependencyLinks(IReadOnlyList<string> names, string suffix)
    {
        var result = new List<string>();
        var instance = names.Count > 0 ? UnitNames.InstanceOf(names[0]) : null;
        foreach (var dir in CandidateDirs(names, suffix, typeLevel: false))
        {
            var listing = _cache.Get(dir);
            foreach (var entry in listing.Names)
            {
                if (!UnitNames.IsValid(entry) || listing.Kind(entry) == EntryKind.Directory) continue;
                var name = instance is not null && UnitNames.IsTemplate(entry)
                    ? UnitNames.WithInstance(entry, instance) : entry;
                if (UnitNames.IsTemplate(name) || result.Contains(name)) continue;
                result.Add(name);
            }
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>The candidate folders on disk, highest priority first, without duplicates.</summary>
    public IReadOnlyList<string> CandidateDirs(IReadOnlyList<string> names, string suffix, bool typeLevel)
    {
        // The folder names depend on the unit name only: built once, then looked up in every unit folder's listing,
        // so a path is only made for folders that exist (a listing probes a thousand units times a dozen folders).
        var dirs = new List<string>();
        var folderNames = new List<string>();
        foreach (var name in names)
        {
            folderNames.Clear();
            AddFolderNames(name, suffix, folderNames, 0);
            foreach (var unitDir in _paths.SearchPath)
                foreach (var folder in folderNames)
                    Add(unitDir.Path, folder, dirs);
        }
        if (typeLevel && names.Count > 0 && UnitNames.TypeOf(names[0]) is { } type)
        {
            var folder = type + suffix;
            foreach (var unitDir in _paths.SearchPath)
                Add(unitDir.Path, folder, dirs);
        }
        return dirs;
    }

    /// <summary>The name's own folder, its template's, then the dash-truncated prefixes' (recursively).</summary>
    private static void AddFolderNames(string name, string suffix, List<string> folders, int depth)
    {
        if (depth > 64) return;
        folders.Add(name + suffix);
        if (UnitNames.TemplateOf(name) is { } template) AddFolderNames(template, suffix, folders, depth + 1);
        var prefix = UnitNames.PrefixOf(name);
        var trimmed = prefix.EndsWith('-') ? prefix[..^1] : prefix;
        var dash = trimmed.LastIndexOf('-');
        if (dash <= 0) return;
        AddFolderNames(string.Concat(trimmed.AsSpan(0, dash + 1), ".", UnitNames.TypeOf(name)), suffix, folders,
            depth + 1);
    }

    private void Add(string unitDir, string folder, List<string> dirs)
    {
        // Checking the parent listing avoids a failed opendir per candidate on the common path.
        if (_cache.Get(unitDir).Kind(folder) is not (EntryKind.Directory or EntryKind.Symlink)) return;
        var dir = Path.Join(unitDir, folder);
        if (!dirs.Contains(dir)) dirs.Add(dir);
    }
}
