using System.Text;
using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Commands.Show;
using Platform.Units;

namespace Platform.Host.Commands.Query;

/// <summary>
/// <c>list-dependencies [UNIT...]</c>: the dependency tree as systemctl 252 draws it. Targets are expanded
/// recursively (everything with <c>--all</c>); a unit already on the current path shows as <c>...</c>;
/// <c>--plain</c> drops the tree and marks and lists each unit once.
/// </summary>
internal sealed class ListDependenciesCommand
{
    private static readonly string[] Forward = ["Requires", "Requisite", "Wants", "ConsistsOf", "BindsTo", "Upholds"];
    private static readonly string[] Reverse = ["RequiredBy", "RequisiteOf", "WantedBy", "PartOf", "BoundBy",
        "UpheldBy"];

    private readonly HostContext _ctx;
    private readonly ReverseDependencies _graph;
    private readonly string[] _properties;
    private readonly bool _plain;
    private readonly StringBuilder _sb = new();

    private ListDependenciesCommand(HostContext ctx)
    {
        _ctx = ctx;
        var o = ctx.Options;
        _graph = new ReverseDependencies(ctx.Units, new DependencyGraph(ctx.Units));
        _plain = o.Plain;
        _properties = o.After ? ["After"] : o.Before ? ["Before"] : o.Reverse ? Reverse : Forward;
    }

    public static int Run(HostContext ctx)
    {
        var names = ctx.Options.Arguments.Count == 0 ? ["default.target"]
            : UnitPatterns.Expand(ctx, ctx.Options.Arguments);
        var command = new ListDependenciesCommand(ctx);
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0) command._sb.Append('\n');
            command._sb.Append(names[i]).Append('\n');
            command.One(names[i], 0, [], 0);
        }
        ctx.Out.Write(command._sb.ToString());
        return ExitCodes.Success;
    }

    private void One(string name, int level, List<string> path, ulong branches)
    {
        path.Add(name);
        var deps = Dependencies(name);
        for (var i = 0; i < deps.Count; i++)
        {
            var dep = deps[i];
            var last = i == deps.Count - 1;
            var childBranches = (branches << 1) | (last ? 0UL : 1UL);
            if (path.Contains(dep))
            {
                if (!_plain)
                {
                    _sb.Append("  ");
                    Line("...", level + 1, childBranches, true);
                }
                continue;
            }
            _sb.Append(_plain ? "  " : Glyph(dep) + " ");
            Line(dep, level, branches, last);
            if (_ctx.Options.All || dep.EndsWith(".target", StringComparison.Ordinal))
                One(dep, level + 1, path, childBranches);
        }
        // In --plain mode the path doubles as the set of units already printed.
        if (!_plain) path.RemoveAt(path.Count - 1);
    }

    private void Line(string name, int level, ulong branches, bool last)
    {
        if (!_plain)
        {
            for (var i = level - 1; i >= 0; i--)
                _sb.Append((branches & (1UL << i)) != 0 ? "│ " : "  ");
            _sb.Append(last ? "└─" : "├─");
        }
        _sb.Append(name).Append('\n');
    }

    private List<string> Dependencies(string name)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, found) in _graph.For(_ctx.Units.LoadUnit(name), _properties))
            foreach (var d in found) set.Add(d);
        var list = new List<string>(set);
        list.Sort(UnitOrder.CompareDependencies);
        return list;
    }

    private string Glyph(string name)
    {
        var id = _ctx.Units.LoadUnit(name).Id;
        return RuntimeState.Read(_ctx, id).ActiveState switch
        {
            ActiveState.Active or ActiveState.Activating or ActiveState.Deactivating => "●",
            ActiveState.Reloading => "↻",
            ActiveState.Failed => "×",
            _ => "○",
        };
    }
}
