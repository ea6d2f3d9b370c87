using Platform.Abstractions;
using Platform.Units;

namespace Platform.Host.Lifecycle;

/// <summary>
/// A start or stop transaction, planned before anything runs: which units take part, what each must wait for
/// (ordering), and which dependencies must succeed (requirement). Loading happens here, single-threaded; the jobs
/// then run in parallel over the loaded definitions.
/// </summary>
internal sealed class JobPlan
{
    private static readonly string[] Pulling = ["Requires", "BindsTo", "Wants", "Requisite"];

    public Dictionary<string, UnitDefinition> Units { get; } = new(StringComparer.Ordinal);
    /// <summary>For each unit, the units in the plan its job waits for.</summary>
    public Dictionary<string, List<string>> WaitsFor { get; } = new(StringComparer.Ordinal);
    /// <summary>For each unit, the units whose failure fails its job (Requires=, BindsTo=, Requisite=).</summary>
    public Dictionary<string, List<string>> Needs { get; } = new(StringComparer.Ordinal);
    /// <summary>Units pulled only through Requisite=: they must already be active, they are not started.</summary>
    public HashSet<string> RequisiteOnly { get; } = new(StringComparer.Ordinal);
    /// <summary>Units the started ones conflict with: stopped before the start.</summary>
    public List<string> Conflicting { get; } = [];
    /// <summary>
    /// Requested units whose requirements name a unit that does not exist, with systemd's reason; not started.
    /// </summary>
    public Dictionary<string, string> Refused { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Plans starting <paramref name="requested"/> with everything they pull in, ordered by After=/Before=. Units of
    /// <paramref name="reached"/> that were not requested by name stay out of the plan: they count as active.
    /// </summary>
    public static JobPlan ForStart(UnitRepository repo, DependencyGraph graph, IReadOnlyList<string> requested,
        Action<string> warn, BootSet reached)
    {
        var plan = new JobPlan();
        var explicitly = new HashSet<string>(requested, StringComparer.Ordinal);
        var strong = new HashSet<string>(requested, StringComparer.Ordinal);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(requested);
        while (queue.Count > 0)
        {
            var name = queue.Dequeue();
            if (plan.Units.ContainsKey(name)) continue;
            if (reached.Contains(name) && !explicitly.Contains(name)) continue;
            var unit = repo.LoadUnit(name);
            if (unit.Definition.LoadState is UnitLoadState.NotFound && !explicitly.Contains(name)
                && NeedsAFile(unit.Id)) missing.Add(name);
            if (unit.Definition.LoadState is UnitLoadState.NotFound or UnitLoadState.Masked
                && !explicitly.Contains(name)) continue;
            plan.Units[unit.Id] = unit.Definition;
            plan.Needs[unit.Id] = [];
            foreach (var kind in Pulling)
                foreach (var dep in graph.Declared(unit, kind))
                {
                    if (dep == unit.Id || reached.Contains(dep) && !explicitly.Contains(dep)) continue;
                    if (kind != "Wants") { plan.Needs[unit.Id].Add(dep); strong.Add(dep); }
                    if (kind == "Requisite") { if (!plan.Units.ContainsKey(dep)) plan.RequisiteOnly.Add(dep); }
                    else plan.RequisiteOnly.Remove(dep);
                    if (kind != "Requisite" && !plan.Units.ContainsKey(dep)) queue.Enqueue(dep);
                }
            foreach (var conflict in graph.Declared(unit, "Conflicts"))
                if (!plan.Conflicting.Contains(conflict)) plan.Conflicting.Add(conflict);
        }
        foreach (var requisite in plan.RequisiteOnly) plan.Units.Remove(requisite);
        plan.DropBrokenRequirements(repo, explicitly, missing);
        plan.Conflicting.RemoveAll(plan.Units.ContainsKey);
        plan.Order(repo, graph, after: true);
        plan.BreakCycles(explicitly, strong, warn);
        return plan;
    }

    /// <summary>
    /// systemd refuses a start job whose Requires=/BindsTo=/Requisite= chain reaches a unit no file or built-in
    /// provides ("Unit X not found."). A requested unit so affected is refused; one that was only wanted is dropped.
    /// </summary>
    private void DropBrokenRequirements(UnitRepository repo, HashSet<string> explicitly, HashSet<string> missing)
    {
        foreach (var requisite in RequisiteOnly)
            if (repo.Load(requisite).LoadState == UnitLoadState.NotFound && NeedsAFile(requisite))
                missing.Add(requisite);
        if (missing.Count == 0) return;
        var cause = new Dictionary<string, string>(StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var (unit, needs) in Needs)
            {
                if (cause.ContainsKey(unit)) continue;
                foreach (var need in needs)
                {
                    var why = missing.Contains(need) ? need : cause.GetValueOrDefault(need);
                    if (why is null) continue;
                    cause[unit] = why;
                    changed = true;
                    break;
                }
            }
        } while (changed);
        foreach (var (unit, why) in cause)
        {
            if (explicitly.Contains(unit)) Refused[unit] = $"Unit {why} not found.";
            Units.Remove(unit);
            Needs.Remove(unit);
        }
    }

    /// <summary>
    /// Slices, devices, mounts, swaps and scopes load without a file in systemd (their fragment is optional).
    /// </summary>
    private static bool NeedsAFile(string unit) =>
        UnitNames.TypeOf(unit) is "service" or "socket" or "target" or "timer" or "path" or "automount";

    /// <summary>
    /// Plans stopping <paramref name="units"/>: a unit stops after the units ordered after it have stopped.
    /// </summary>
    public static JobPlan ForStop(UnitRepository repo, DependencyGraph graph, IEnumerable<string> units)
    {
        var plan = new JobPlan();
        foreach (var name in units)
        {
            var unit = repo.LoadUnit(name);
            plan.Units[unit.Id] = unit.Definition;
            plan.Needs[unit.Id] = [];
        }
        plan.Order(repo, graph, after: false);
        return plan;
    }

    /// <summary>
    /// Start jobs wait for what they are After=; stop jobs wait for the units that are After= them (reverse order).
    /// </summary>
    private void Order(UnitRepository repo, DependencyGraph graph, bool after)
    {
        foreach (var name in Units.Keys)
        {
            var waits = new List<string>();
            var unit = repo.LoadUnit(name);
            foreach (var dep in graph.Get(unit.Id, after ? "After" : "Before"))
                if (dep != name && Units.ContainsKey(dep) && !waits.Contains(dep)) waits.Add(dep);
            WaitsFor[name] = waits;
        }
    }

    /// <summary>
    /// An ordering cycle is broken as systemd does: a job that nothing requires (only wanted) is dropped, with a
    /// warning naming the cycle; a cycle made only of required units cannot be broken and fails the transaction.
    /// </summary>
    private void BreakCycles(HashSet<string> explicitly, HashSet<string> strong, Action<string> warn)
    {
        while (FindCycle() is { } cycle)
        {
            var victim = cycle.FirstOrDefault(u => !strong.Contains(u) && !explicitly.Contains(u));
            if (victim is null)
                throw new TransactionException(
                    $"Ordering cycle between required units: {string.Join(" -> ", cycle)}. Refusing to start them.");
            warn($"{cycle[0]}: Found ordering cycle on {string.Join(", ", cycle.Select(u => u + "/start"))}");
            warn($"{cycle[0]}: Job {victim}/start deleted to break ordering cycle starting with {cycle[0]}/start");
            Units.Remove(victim);
            WaitsFor.Remove(victim);
            Needs.Remove(victim);
            foreach (var list in WaitsFor.Values) list.Remove(victim);
        }
    }

    private List<string>? FindCycle()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        List<string>? Visit(string u)
        {
            state[u] = 1;
            stack.Add(u);
            foreach (var v in WaitsFor[u])
            {
                if (state.GetValueOrDefault(v) == 1)
                    return stack.GetRange(stack.IndexOf(v), stack.Count - stack.IndexOf(v));
                if (state.GetValueOrDefault(v) == 0 && Visit(v) is { } found) return found;
            }
            stack.RemoveAt(stack.Count - 1);
            state[u] = 2;
            return null;
        }
        foreach (var u in WaitsFor.Keys.Order(StringComparer.Ordinal))
            if (state.GetValueOrDefault(u) == 0 && Visit(u) is { } cycle) return cycle;
        return null;
    }
}
