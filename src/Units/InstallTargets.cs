using Platform.Abstractions;

namespace Platform.Units;

/// <summary>
/// Resolves names for install operations: file, alias status and the [Install] section (fragment only, specifiers
/// expanded for the name).
/// </summary>
internal sealed class InstallTargets
{
    private readonly UnitRepository _repo;
    private readonly SystemFacts _facts;
    private readonly Dictionary<string, InstallTarget> _cache = new(StringComparer.Ordinal);

    public InstallTargets(UnitRepository repo)
    {
        _repo = repo;
        _facts = new SystemFacts(repo.Paths.Root);
    }

    public void Clear() => _cache.Clear();

    public InstallTarget Resolve(string name)
    {
        if (_cache.TryGetValue(name, out var known)) return known;
        var loc = _repo.Locate(name);
        string? file = loc.Kind switch
        {
            LocationKind.File or LocationKind.Linked => _repo.Paths.InRoot(loc.ContentPath ?? loc.Path!),
            LocationKind.Masked => _repo.Paths.InRoot(loc.Path!),
            _ => null,
        };
        var install = InstallInfo.None;
        var failed = false;
        if (loc.Kind is LocationKind.File or LocationKind.Linked)
        {
            var parsed = UnitFileParser.ParseFile(loc.ContentPath ?? loc.Path!, _repo.ReportWarning, "Install");
            failed = parsed.FatalError is not null;
            var unitName = loc.AliasChain.Count > 1 && !UnitNames.IsInstance(name)
                ? loc.Id : UnitNames.IsInstance(loc.Id) ? loc.Id : name;
            var expander = new SpecifierExpander(_repo.Paths, _facts, unitName, file);
            var settings = new List<UnitSetting>();
            AddInstallSettings(parsed, expander, settings);
            // systemctl reads [Install] from drop-ins too.
            foreach (var dropIn in _repo.DropIns.FindConfFiles(DropInNames(unitName, loc)))
                AddInstallSettings(UnitFileParser.ParseFile(dropIn, _repo.ReportWarning, "Install"), expander,
                    settings);
            install = InstallInfo.Read(settings, unitName);
        }
        var result = new InstallTarget(name, loc, file, IsConfigAlias(name, loc), install, failed);
        _cache[name] = result;
        return result;
    }

    private static void AddInstallSettings(ParsedUnitFile parsed, SpecifierExpander expander, List<UnitSetting> into)
    {
        foreach (var s in parsed.Settings)
            if (s.Section == "Install" && expander.TryExpand(s.Value, out var v, out _)) into.Add(s with { Value = v });
    }

    private static List<string> DropInNames(string unitName, UnitFileLocation loc)
    {
        var names = new List<string> { unitName };
        foreach (var n in loc.AliasChain) if (!names.Contains(n)) names.Add(n);
        return names;
    }

    private bool IsConfigAlias(string name, UnitFileLocation loc)
    {
        if (loc.AliasChain.Count < 2 || loc.Kind == LocationKind.Masked) return false;
        foreach (var dir in _repo.Paths.SearchPath)
        {
            var kind = _repo.Cache.Get(dir.Path).Kind(name);
            if (kind is EntryKind.None or EntryKind.Directory or EntryKind.Other) continue;
            return kind == EntryKind.Symlink && dir.IsConfig;
        }
        return false;
    }
}
