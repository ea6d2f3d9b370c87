using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Commands.Show;
using Platform.Host.Output;
using Platform.Host.Sockets;
using Platform.Units;

namespace Platform.Host.Commands.Query;

/// <summary>
/// <c>list-sockets [PATTERN...]</c> in systemd 252's layout: one row per listener (LISTEN UNIT ACTIVATES, with
/// <c>--show-types</c> a TYPE column), sorted by address then unit, <c>-</c> for an Accept=yes socket's activated unit,
/// then "N sockets listed." and, without <c>--all</c>, the hint. Active sockets by default; <c>--all</c> adds every
/// loaded socket (its unit files, since nothing else loads them here).
/// </summary>
internal static class ListSocketsCommand
{
    public static int Run(HostContext ctx)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var status in RuntimeState.List(ctx))
            if (status.Unit.EndsWith(".socket", StringComparison.Ordinal)) names.Add(status.Unit);
        if (ctx.Options.All)
            foreach (var name in ctx.Units.AllUnitFileNames())
                if (name.EndsWith(".socket", StringComparison.Ordinal) && !UnitNames.IsTemplate(name)) names.Add(name);
        var patterns = ctx.Options.Arguments.Select(a => UnitPatterns.IsGlob(a) || a.Contains('.') ? a : a + ".socket")
            .ToList();
        var rows = new List<(string Listen, string Type, string Unit, string Activates)>();
        foreach (var name in names)
        {
            if (patterns.Count > 0 && !patterns.Any(p => UnitPatterns.Matches(p, name))) continue;
            var definition = ctx.Units.Load(name);
            if (definition.LoadState != UnitLoadState.Loaded) continue;
            var status = RuntimeState.Read(ctx, name);
            if (!ctx.Options.All && status.ActiveState == ActiveState.Inactive) continue;
            var settings = SocketSettings.From(definition);
            var activates = settings.Accept ? "-" : settings.Service;
            foreach (var listen in settings.Listen) rows.Add((listen.Display, listen.Kind.ToString(), name, activates));
        }
        rows.Sort((a, b) =>
            string.CompareOrdinal(a.Listen, b.Listen) is var c and not 0 ? c : string.CompareOrdinal(a.Unit, b.Unit));
        var legend = !ctx.Options.NoLegend;
        var table = ctx.Options.ShowTypes ? new Table(false, "LISTEN", "TYPE", "UNIT", "ACTIVATES")
            : new Table(false, "LISTEN", "UNIT", "ACTIVATES");
        foreach (var row in rows)
            if (ctx.Options.ShowTypes) table.Add("", row.Listen, row.Type, row.Unit, row.Activates);
            else table.Add("", row.Listen, row.Unit, row.Activates);
        table.Write(ctx.Out, legend);
        if (legend)
        {
            ctx.Out.WriteLine();
            ctx.Out.WriteLine($"{rows.Count} sockets listed.");
            if (!ctx.Options.All) ctx.Out.WriteLine("Pass --all to see loaded but inactive sockets, too.");
        }
        return ExitCodes.Success;
    }
}
