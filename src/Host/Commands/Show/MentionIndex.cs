using System.Text;
using Platform.Units;

namespace Platform.Host.Commands.Show;

/// <summary>
/// Which units' configuration could name a unit: every unit file and named drop-in is read once per command and
/// its unit-name-like words indexed, so each reverse-dependency question (one per tree node in
/// <c>list-dependencies</c>) is a lookup instead of another pass over all files. Generous: false positives only
/// cost a unit load. Instances (text from a template with %i) and SysV scripts (headers) are always candidates.
/// </summary>
internal sealed class MentionIndex
{
    private readonly Dictionary<string, List<string>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byStem = new(StringComparer.Ordinal);
    private readonly List<string> _always = [];

    public MentionIndex(UnitRepository repo, UnitFolderIndex folders)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in repo.AllUnitFileNames())
            if (!UnitNames.IsTemplate(n) && seen.Add(n)) AllNames.Add(n);
        foreach (var i in folders.Instances)
            if (seen.Add(i)) AllNames.Add(i);
        foreach (var name in AllNames)
        {
            Add(_byStem, UnitNames.WithoutSuffix(name), name);
            if (UnitNames.IsInstance(name)) { _always.Add(name); continue; }
            if (!IndexOwnText(repo, folders, name)) { _always.Add(name); continue; }
            if (folders.DropInsByName.TryGetValue(name + ".d", out var dropIns))
                foreach (var folder in dropIns)
                    foreach (var conf in folders.Confs(folder)) IndexWords(folders.Content(conf), name);
        }
    }

    /// <summary>
    /// Every unit name worth considering: unit files (templates excepted) and instances named in dependency folders.
    /// </summary>
    public List<string> AllNames { get; } = [];

    /// <summary>
    /// The units that may name one of <paramref name="names"/>, plus <paramref name="extra"/> (link folder owners).
    /// </summary>
    public IEnumerable<string> Candidates(IReadOnlyList<string> names, IEnumerable<string> extra)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in names)
        {
            if (_byWord.TryGetValue(n, out var byWord)) result.UnionWith(byWord);
            // Same base name: implicit Triggers=/Before= between a socket, timer or path and its service.
            if (_byStem.TryGetValue(UnitNames.WithoutSuffix(n), out var byStem)) result.UnionWith(byStem);
        }
        result.UnionWith(_always);
        result.UnionWith(extra);
        return result;
    }

    /// <summary>
    /// Indexes the unit's own file (or built-in text); false when its text cannot be read cheaply (a SysV script).
    /// </summary>
    private bool IndexOwnText(UnitRepository repo, UnitFolderIndex folders, string name)
    {
        if (folders.FirstEntry.TryGetValue(name, out var first) && !first.IsLink)
        {
            IndexWords(folders.Content(first.Path), name);
            return true;
        }
        // Links (aliases, masks, linked files) resolve inside the root only through the unit engine.
        var loc = repo.Locate(name);
        if (loc.Kind is LocationKind.File or LocationKind.Linked)
            IndexWords(folders.Content(loc.ContentPath ?? loc.Path!), name);
        else if (loc.Kind == LocationKind.NotFound)
        {
            if (BuiltInUnits.Text(name, repo.Paths.IsUser) is not { } text) return false;
            IndexWords(Encoding.UTF8.GetBytes(text), name);
        }
        return true;
    }

    /// <summary>
    /// Adds <paramref name="owner"/> under every word of the text that could be a unit name (has a dot).
    /// </summary>
    private void IndexWords(byte[] text, string owner)
    {
        var start = -1;
        var dot = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : (byte)' ';
            if (IsNameByte(c))
            {
                if (start < 0) { start = i; dot = false; }
                dot |= c == '.';
                continue;
            }
            if (start >= 0 && dot) Add(_byWord, Encoding.UTF8.GetString(text, start, i - start), owner);
            start = -1;
        }
    }

    private static bool IsNameByte(byte c)
        => c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
            or (byte)':' or (byte)'_' or (byte)'.' or (byte)'\\' or (byte)'@' or (byte)'-';

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        if (list.Count == 0 || list[^1] != value) list.Add(value);
    }
}
