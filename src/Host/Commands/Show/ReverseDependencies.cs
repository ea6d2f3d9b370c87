using Platform.Units;

namespace Platform.Host.Commands.Show;

/// <summary>
/// All dependency properties of one unit in one pass. <see cref="DependencyGraph.Get"/> scans every unit file for
/// each reverse property; <c>show</c> needs about sixteen of them and <c>list-dependencies</c> more per tree node,
/// so the candidates (units whose files, drop-ins or dependency folders could name this unit) come from an index
/// built once per command, and only they are loaded and asked.
/// </summary>
internal sealed class ReverseDependencies(UnitRepository repo, DependencyGraph graph)
{
    // Implicit dependencies name these; any unit may point at them without saying so in its file.
    private static readonly string[] ImplicitTargets =
        ["sysinit.target", "basic.target", "shutdown.target", "sockets.target", "timers.target", "paths.target",
            "time-set.target", "time-sync.target"];

    private UnitFolderIndex? _index;
    private MentionIndex? _mentions;

    public Dictionary<string, IReadOnlyList<string>> For(LoadedUnit unit, IEnumerable<string> properties)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        List<LoadedUnit>? candidates = null;
        foreach (var property in properties)
        {
            var set = new SortedSet<string>(StringComparer.Ordinal);
            if (DependencyKinds.Forward.Contains(property)) set.UnionWith(graph.Declared(unit, property));
            if (DependencyKinds.InverseOf(property) is { } inverse)
            {
                candidates ??= Candidates(unit);
                foreach (var c in candidates)
                    if (Names(graph.Declared(c, inverse), unit.Names)) set.Add(c.Id);
            }
            result[property] = [.. set];
        }
        return result;
    }

    private static bool Names(IReadOnlyList<string> declared, IReadOnlyList<string> names)
    {
        foreach (var d in declared)
            if (names.Contains(d)) return true;
        return false;
    }

    private List<LoadedUnit> Candidates(LoadedUnit unit)
    {
        _index ??= new UnitFolderIndex(repo);
        _mentions ??= new MentionIndex(repo, _index);
        var scan = new CandidateScan(_index, unit.Names);
        var everything = scan.GlobalDropInsMention() || unit.Names.Any(n => Array.IndexOf(ImplicitTargets, n) >= 0);
        var result = new List<LoadedUnit>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { unit.Id };
        foreach (var name in everything ? _mentions.AllNames : _mentions.Candidates(unit.Names, scan.LinkOwners))
        {
            if (unit.Names.Contains(name)) continue;
            var other = repo.LoadUnit(name);
            if (seen.Add(other.Id)) result.Add(other);
        }
        return result;
    }
}
