using System.Text;
using Platform.Units;

namespace Platform.Host.Commands.Show;

/// <summary>
/// A cheap, generous test whether a unit's configuration could name one of <c>names</c>: its file or named drop-ins
/// contain the text, one of its dependency folders links to it, it shares the base name (implicit triggers), or its
/// text cannot be read cheaply (instances, SysV scripts). False positives only cost a unit load.
/// </summary>
internal sealed class CandidateScan
{
    private readonly UnitRepository _repo;
    private readonly UnitFolderIndex _index;
    private readonly byte[][] _names;
    private readonly HashSet<string> _stems = new(StringComparer.Ordinal);
    private readonly HashSet<string> _linkOwners = new(StringComparer.Ordinal);

    public CandidateScan(UnitRepository repo, UnitFolderIndex index, IReadOnlyList<string> names)
    {
        _repo = repo;
        _index = index;
        _names = new byte[names.Count][];
        for (var i = 0; i < names.Count; i++)
        {
            _names[i] = Encoding.UTF8.GetBytes(names[i]);
            _stems.Add(UnitNames.WithoutSuffix(names[i]));
        }
        foreach (var (owner, entries) in index.LinkFolders)
            foreach (var e in entries)
                if (names.Contains(e)) _linkOwners.Add(owner);
    }

    /// <summary>Every unit name worth considering: unit files (templates excepted) and instances named in dependency folders.</summary>
    public IEnumerable<string> AllNames()
    {
        foreach (var n in _repo.AllUnitFileNames())
            if (!UnitNames.IsTemplate(n)) yield return n;
        foreach (var i in _index.Instances) yield return i;
    }

    /// <summary>Whether a type-level or prefix drop-in folder (<c>service.d/</c>, <c>a-.service.d/</c>) names the unit: then every unit may.</summary>
    public bool GlobalDropInsMention()
    {
        foreach (var folder in _index.DropInFolders)
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
        if (_index.FirstEntry.TryGetValue(candidate, out var first) && !first.IsLink)
            return FileMentions(first.Path) || DropInsMention(candidate);
        // Links (aliases, masks, linked files) resolve inside the root only through the unit engine.
        var loc = _repo.Locate(candidate);
        if (loc.Kind is LocationKind.File or LocationKind.Linked) return FileMentions(loc.ContentPath ?? loc.Path!) || DropInsMention(candidate);
        if (loc.Kind == LocationKind.NotFound)
        {
            var text = BuiltInUnits.Text(candidate, _repo.Paths.IsUser);
            if (text is null) return true; // a SysV script: its headers become dependencies
            if (Contains(Encoding.UTF8.GetBytes(text))) return true;
        }
        return DropInsMention(candidate);
    }

    private bool DropInsMention(string candidate)
    {
        if (_index.DropInsByName.TryGetValue(candidate + ".d", out var folders))
            foreach (var folder in folders)
                if (ConfsMention(folder)) return true;
        return false;
    }

    private bool ConfsMention(string folder)
    {
        foreach (var conf in _index.Confs(folder))
            if (FileMentions(conf)) return true;
        return false;
    }

    /// <summary>Searches the raw bytes: unit names are ASCII, so no decoding is needed.</summary>
    private bool FileMentions(string path) => Contains(_index.Content(path));

    private bool Contains(byte[] bytes)
    {
        foreach (var n in _names)
            if (bytes.AsSpan().IndexOf(n) >= 0) return true;
        return false;
    }
}
