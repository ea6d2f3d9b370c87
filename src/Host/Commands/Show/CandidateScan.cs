using Platform.Units;

namespace Platform.Host.Commands.Show;

/// <summary>
/// A cheap, generous test whether a unit's configuration could name one of <c>names</c>: its file or named drop-ins
/// contain the text, one of its dependency folders links to it, it shares the base name (implicit triggers), or its
/// text cannot be read cheaply (instances, SysV scripts). False positives only cost a unit load.
/// </summary>
internal sealed class CandidateScan
{
    private static readonly string[] LinkFolders = [".wants", ".requires", ".upholds"];
    private readonly UnitRepository _repo;
    private readonly IReadOnlyList<string> _names;
    private readonly HashSet<string> _stems = new(StringComparer.Ordinal);
    private readonly HashSet<string> _linkOwners = new(StringComparer.Ordinal);
    private readonly List<string> _instances = [];
    private readonly List<string> _dropInFolders = [];
    private readonly Dictionary<string, List<string>> _dropInsByName = new(StringComparer.Ordinal);

    public CandidateScan(UnitRepository repo, IReadOnlyList<string> names)
    {
        _repo = repo;
        _names = names;
        foreach (var n in names) _stems.Add(UnitNames.WithoutSuffix(n));
        foreach (var dir in repo.Paths.SearchPath)
        {
            if (!Directory.Exists(dir.Path)) continue;
            foreach (var folder in Directory.EnumerateDirectories(dir.Path))
            {
                var folderName = Path.GetFileName(folder);
                if (folderName.EndsWith(".d", StringComparison.Ordinal))
                {
                    _dropInFolders.Add(folder);
                    if (!_dropInsByName.TryGetValue(folderName, out var same)) _dropInsByName[folderName] = same = [];
                    same.Add(folder);
                }
                var suffix = Array.Find(LinkFolders, s => folderName.EndsWith(s, StringComparison.Ordinal));
                if (suffix is null) continue;
                foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
                {
                    var entryName = Path.GetFileName(entry);
                    if (names.Contains(entryName)) _linkOwners.Add(folderName[..^suffix.Length]);
                    if (UnitNames.IsInstance(entryName) && !_instances.Contains(entryName)) _instances.Add(entryName);
                }
            }
        }
    }

    /// <summary>Every unit name worth considering: unit files (templates excepted) and instances named in dependency folders.</summary>
    public IEnumerable<string> AllNames()
    {
        foreach (var n in _repo.AllUnitFileNames())
            if (!UnitNames.IsTemplate(n)) yield return n;
        foreach (var i in _instances) yield return i;
    }

    /// <summary>Whether a type-level or prefix drop-in folder (<c>service.d/</c>, <c>a-.service.d/</c>) names the unit: then every unit may.</summary>
    public bool GlobalDropInsMention()
    {
        foreach (var folder in _dropInFolders)
        {
            var unitName = Path.GetFileName(folder)[..^2];
            if (UnitNames.IsValid(unitName) && !unitName.Contains("-.", StringComparison.Ordinal)) continue;
            if (ConfsMention(folder)) return true;
        }
        return false;
    }

    public bool Mentions(string candidate)
    {
        if (_stems.Contains(UnitNames.WithoutSuffix(candidate)) || _linkOwners.Contains(candidate)) return true;
        if (UnitNames.IsInstance(candidate)) return true;
        var loc = _repo.Locate(candidate);
        string? text = null;
        if (loc.Kind is LocationKind.File or LocationKind.Linked) text = Read(loc.ContentPath ?? loc.Path!);
        else if (loc.Kind == LocationKind.NotFound)
        {
            text = BuiltInUnits.Text(candidate, _repo.Paths.IsUser);
            if (text is null) return true; // a SysV script: its headers become dependencies
        }
        if (text is not null && ContainsName(text)) return true;
        if (_dropInsByName.TryGetValue(candidate + ".d", out var folders))
            foreach (var folder in folders)
                if (ConfsMention(folder)) return true;
        return false;
    }

    private bool ConfsMention(string folder)
    {
        foreach (var conf in Directory.EnumerateFiles(folder, "*.conf"))
            if (Read(conf) is { } t && ContainsName(t)) return true;
        return false;
    }

    private bool ContainsName(string text)
    {
        foreach (var n in _names)
            if (text.Contains(n, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string? Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
