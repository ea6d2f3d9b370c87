using Platform.Abstractions;

namespace Platform.Units;

/// <summary>
/// Dependency data for <c>show</c> and <c>list-dependencies</c>: a unit's declared dependencies (settings plus
/// <c>NAME.wants/</c>-style folder links, plus implicit and default dependencies unless turned off), and the
/// reverse view (WantedBy=, RequiredBy=, the Before=/After= of other units...). Reverse lookups parse only units
/// whose files mention the name, except for targets that implicit dependencies refer to.
/// </summary>
public sealed class DependencyGraph
{
    private readonly UnitRepository _repo;
    private readonly bool _implicit;
    private readonly Dictionary<(string, string), IReadOnlyList<string>> _declared = new();
    private List<string>? _allUnits;

    /// <summary>
    /// Creates a graph over a repository; <paramref name="includeImplicit"/> adds default dependencies as systemd does.
    /// </summary>
    public DependencyGraph(UnitRepository repo, bool includeImplicit = true)
    {
        _repo = repo;
        _implicit = includeImplicit;
    }

    /// <summary>
    /// A dependency property as <c>systemctl show</c> reports it: forward properties include what other units add
    /// through the inverse (a unit's <c>Before=</c> includes units that are <c>After=</c> it); reverse-only properties
    /// (<c>WantedBy</c>, <c>RequiredBy</c>, ...) are computed from other units. Sorted, without duplicates.
    /// </summary>
    public IReadOnlyList<string> Get(string unitName, string property)
    {
        var unit = _repo.LoadUnit(unitName);
        var result = new SortedSet<string>(StringComparer.Ordinal);
        if (DependencyKinds.Forward.Contains(property)) result.UnionWith(Declared(unit, property));
        if (DependencyKinds.InverseOf(property) is { } inverse) result.UnionWith(Reverse(unit, inverse));
        return [.. result];
    }

    /// <summary>
    /// What the unit itself declares for a forward property (settings, folder links, implicit dependencies).
    /// </summary>
    public IReadOnlyList<string> Declared(LoadedUnit unit, string property)
    {
        var key = (unit.Id, property);
        if (_declared.TryGetValue(key, out var known)) return known;
        var list = new List<string>();
        var def = unit.Definition;
        if (def.LoadState is UnitLoadState.Loaded or UnitLoadState.BadSetting)
        {
            foreach (var word in def.GetWords("Unit", property))
                if (UnitNames.IsValid(word) && !list.Contains(word)) list.Add(word);
            if (DependencyKinds.FolderSuffix(property) is { } suffix)
                foreach (var linked in _repo.DropIns.FindDependencyLinks(unit.Names, suffix))
                    if (!list.Contains(linked)) list.Add(linked);
            if (_implicit)
            {
                var extra = new List<string>();
                ImplicitDependencies.Add(def, property, _repo.Paths.IsUser, extra, p => Declared(unit, p), _repo.Load);
                foreach (var e in extra) if (e != unit.Id && !list.Contains(e)) list.Add(e);
            }
        }
        _declared[key] = list;
        return list;
    }

    /// <summary>
    /// The units whose <paramref name="forwardProperty"/> names <paramref name="unit"/> (or one of its names).
    /// </summary>
    public IReadOnlyList<string> Reverse(LoadedUnit unit, string forwardProperty)
    {
        var result = new List<string>();
        foreach (var candidate in Candidates(unit))
        {
            if (candidate == unit.Id || unit.Names.Contains(candidate)) continue;
            var other = _repo.LoadUnit(candidate);
            if (other.Id == unit.Id || result.Contains(other.Id)) continue;
            foreach (var d in Declared(other, forwardProperty))
                if (unit.Names.Contains(d)) { result.Add(other.Id); break; }
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private IEnumerable<string> Candidates(LoadedUnit unit)
    {
        _allUnits ??= AllUnits();
        var everything = _implicit && unit.Names.Any(n => Array.IndexOf(ImplicitDependencies.ImplicitTargets, n) >= 0);
        if (everything) return _allUnits;
        return _allUnits.Where(n => Mentions(n, unit.Names));
    }

    private List<string> AllUnits()
    {
        var names = new List<string>();
        foreach (var n in _repo.AllUnitFileNames())
            if (!UnitNames.IsTemplate(n)) names.Add(n);
        foreach (var dir in _repo.Paths.SearchPath)
        {
            var listing = _repo.Cache.Get(dir.Path);
            foreach (var folder in listing.Names)
            {
                if (!ConfigLinkIndex.HasDependencySuffix(folder)) continue;
                foreach (var entry in _repo.Cache.Get(Path.Join(dir.Path, folder)).Names)
                    if (UnitNames.IsInstance(entry) && !names.Contains(entry)) names.Add(entry);
            }
        }
        return names;
    }

    /// <summary>
    /// Cheap pre-filter: does a file or folder link of the candidate name one of the names, or share its base name
    /// (implicit triggers)?
    /// </summary>
    private bool Mentions(string candidate, IReadOnlyList<string> names)
    {
        var stem = UnitNames.WithoutSuffix(candidate);
        foreach (var name in names)
            if (UnitNames.WithoutSuffix(name) == stem) return true;
        foreach (var suffix in (string[])[".wants", ".requires", ".upholds"])
            foreach (var linked in _repo.DropIns.FindDependencyLinks([candidate], suffix))
                if (names.Contains(linked)) return true;
        // Instances take their text from a template with %i; SysV units from script headers: no cheap test.
        if (UnitNames.IsInstance(candidate)) return true;
        var loc = _repo.Locate(candidate);
        string? text = null;
        if (loc.Kind is LocationKind.File or LocationKind.Linked) text = ReadQuietly(loc.ContentPath ?? loc.Path!);
        else if (loc.Kind == LocationKind.NotFound)
        {
            if (SysVLookup.Find(_repo.Paths, candidate) is not null) return true;
            text = BuiltInUnits.Text(candidate, _repo.Paths.IsUser);
        }
        if (text is not null && ContainsAny(text, names)) return true;
        foreach (var dropIn in _repo.DropIns.FindConfFiles([candidate]))
            if (ReadQuietly(dropIn) is { } d && ContainsAny(d, names)) return true;
        return false;
    }

    private static bool ContainsAny(string text, IReadOnlyList<string> names)
    {
        foreach (var n in names)
            if (text.Contains(n, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string? ReadQuietly(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
