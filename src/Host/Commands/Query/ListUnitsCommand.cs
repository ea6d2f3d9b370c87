using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Commands.Show;
using Platform.Host.Output;
using Platform.Units;

namespace Platform.Host.Commands.Query;

/// <summary>
/// <c>list-units [PATTERN...]</c>: without a manager, the "loaded" units are those with a runtime record that is not
/// inactive; <c>--all</c> adds every unit file (templates excepted) and the built-in units. Layout, markers and
/// legend as systemctl 252 prints them.
/// </summary>
internal static class ListUnitsCommand
{
    public static int Run(HostContext ctx)
    {
        var o = ctx.Options;
        if (UnitTypes.FirstInvalid(o.Types) is { } bad) return UnitTypes.Reject(ctx, bad);
        var types = UnitTypes.Only(o.Types);
        var states = new List<string>(o.States);
        states.AddRange(UnitTypes.NonTypes(o.Types));
        var rows = new List<ListedUnit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, status) in Candidates(ctx, states.Count > 0))
        {
            if (types.Count > 0 && !types.Contains(UnitNames.TypeOf(name) ?? "")) continue;
            var loaded = ctx.Units.LoadUnit(name);
            if (!seen.Add(loaded.Id)) continue;
            var st = status ?? RuntimeState.Read(ctx, loaded.Id);
            var row = new ListedUnit(loaded.Id, ShowValues.LoadStateWord(loaded.Definition.LoadState),
                ShowValues.ActiveWord(st.ActiveState), st.SubState, Description(loaded));
            if (!o.All && states.Count == 0 && st.ActiveState == ActiveState.Inactive) continue;
            if (states.Count > 0 && !states.Contains(row.Load) && !states.Contains(row.Active)
                && !states.Contains(row.Sub)) continue;
            if (o.Arguments.Count > 0 && !MatchesAny(o.Arguments, loaded)) continue;
            rows.Add(row);
        }
        rows.Sort((a, b) => UnitOrder.Compare(a.Id, b.Id));
        Write(ctx, rows, states);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Runtime records first (they carry their status), then with --all or a state filter every other unit name known
    /// on disk.
    /// </summary>
    private static IEnumerable<(string Name, UnitStatus? Status)> Candidates(HostContext ctx, bool filtered)
    {
        var records = new Dictionary<string, UnitStatus>(StringComparer.Ordinal);
        foreach (var r in RuntimeState.List(ctx)) records[r.Unit] = r;
        foreach (var (name, status) in records) yield return (name, status);
        if (!ctx.Options.All && !filtered) yield break;
        // systemd lists the units it has loaded: under a running init those that ran or that a loaded unit refers to,
        // not every file on disk. Without an init (nothing to have loaded them) every unit file stands in.
        var referenced = records.Count == 0 || new Init.InitState(ctx).RunningPid() is null
            ? null : Referenced(ctx, records.Keys);
        foreach (var name in ctx.Units.AllUnitFileNames())
            if (!UnitNames.IsTemplate(name) && !records.ContainsKey(name)
                && (referenced is null || referenced.Contains(name)))
                yield return (name, null);
    }

    private static readonly string[] Referencing =
        ["Requires", "Requisite", "Wants", "BindsTo", "PartOf", "Upholds", "Conflicts", "Before", "After", "OnFailure",
            "OnSuccess", "Triggers"];

    /// <summary>
    /// The units named by the dependencies of the given ones, followed transitively as systemd loads them.
    /// </summary>
    private static HashSet<string> Referenced(HostContext ctx, IEnumerable<string> roots)
    {
        var graph = new DependencyGraph(ctx.Units);
        var seen = new HashSet<string>(roots, StringComparer.Ordinal);
        var queue = new Queue<string>(seen);
        while (queue.Count > 0)
        {
            var unit = ctx.Units.LoadUnit(queue.Dequeue());
            foreach (var kind in Referencing)
                foreach (var dep in graph.Declared(unit, kind))
                    if (seen.Add(dep)) queue.Enqueue(dep);
        }
        return seen;
    }

    private static bool MatchesAny(List<string> patterns, LoadedUnit unit)
    {
        foreach (var p in patterns)
            foreach (var n in unit.Names)
                if (Glob.IsMatch(p, n)) return true;
        return false;
    }

    private static string Description(LoadedUnit unit)
        => unit.Definition.Get("Unit", "Description") is { Length: > 0 } d ? d : unit.Id;

    private static void Write(HostContext ctx, List<ListedUnit> rows, List<string> states)
    {
        var o = ctx.Options;
        var table = new Table(!o.Plain, "UNIT", "LOAD", "ACTIVE", "SUB", "DESCRIPTION");
        foreach (var r in rows)
        {
            var marked = !o.Plain && (r.Load is "error" or "not-found" or "bad-setting" or "masked"
                || r.Active == "failed");
            table.Add(marked ? "●" : "", r.Id, r.Load, r.Active, r.Sub, r.Description);
        }
        using var w = new StringWriter();
        table.Write(w, header: !o.NoLegend);
        if (!o.NoLegend)
        {
            if (rows.Count > 0)
                w.Write("\nLOAD   = Reflects whether the unit definition was properly loaded.\n"
                        + "ACTIVE = The high-level unit activation state, i.e. generalization of SUB.\n"
                        + "SUB    = The low-level unit activation state, values depend on unit type.\n");
            if (o.All || states.Contains("inactive"))
                w.Write($"{rows.Count} loaded units listed.\n"
                    + $"To show all installed unit files use 'systemctl list-unit-files'.\n");
            else if (states.Count == 0)
                w.Write($"{rows.Count} loaded units listed. Pass --all to see loaded but inactive units, too.\n"
                        + "To show all installed unit files use 'systemctl list-unit-files'.\n");
            else
                w.Write($"{rows.Count} loaded units listed.\n");
        }
        ctx.Out.Write(w.ToString());
    }

    private sealed record ListedUnit(string Id, string Load, string Active, string Sub, string Description);
}
