using System.Text;
using Platform.Units;

namespace Platform.Host.Commands.Show;

/// <summary>
/// The per-unit part of a reverse-dependency scan: which units' dependency folders (<c>X.wants/</c>, ...) link to
/// the unit, and whether a type-level or prefix drop-in could name it (then every unit is a candidate).
/// </summary>
internal sealed class CandidateScan
{
    private readonly UnitFolderIndex _index;
    private readonly byte[][] _names;

    public CandidateScan(UnitFolderIndex index, IReadOnlyList<string> names)
    {
        _index = index;
        _names = new byte[names.Count][];
        for (var i = 0; i < names.Count; i++) _names[i] = Encoding.UTF8.GetBytes(names[i]);
        foreach (var (owner, entries) in index.LinkFolders)
            foreach (var e in entries)
                if (names.Contains(e)) LinkOwners.Add(owner);
    }

    /// <summary>Units whose dependency folders link to one of the names.</summary>
    public HashSet<string> LinkOwners { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether a type-level or prefix drop-in folder (<c>service.d/</c>, <c>a-.service.d/</c>) names the unit: then
    /// every unit may.
    /// </summary>
    public bool GlobalDropInsMention()
    {
        foreach (var folder in _index.DropInFolders)
        {
            var unitName = Path.GetFileName(folder)[..^2];
            if (UnitNames.IsValid(unitName) && !unitName.Contains("-.", StringComparison.Ordinal)) continue;
            foreach (var conf in _index.Confs(folder))
                if (Contains(_index.Content(conf))) return true;
        }
        return false;
    }

    private bool Contains(byte[] bytes)
    {
        foreach (var n in _names)
            if (bytes.AsSpan().IndexOf(n) >= 0) return true;
        return false;
    }
}
