using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Commands.Show;
using Platform.Host.Output;
using Platform.Host.Paths;
using Platform.Units;

namespace Platform.Host.Commands.Query;

/// <summary>
/// <c>list-paths [PATTERN...]</c>. systemd 252 has no such verb (it came with 254); this prints 254's layout: one row
/// per watched path, PATH CONDITION UNIT ACTIVATES, sorted by path, then "N paths listed." and, without <c>--all</c>,
/// the hint. Active path units by default; <c>--all</c> adds every path unit file.
/// </summary>
internal static class ListPathsCommand
{
    public static int Run(HostContext ctx)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var status in RuntimeState.List(ctx))
            if (status.Unit.EndsWith(".path", StringComparison.Ordinal)) names.Add(status.Unit);
        if (ctx.Options.All)
            foreach (var name in ctx.Units.AllUnitFileNames())
                if (name.EndsWith(".path", StringComparison.Ordinal) && !UnitNames.IsTemplate(name)) names.Add(name);
        var patterns = ctx.Options.Arguments.Select(a => UnitPatterns.IsGlob(a) || a.Contains('.') ? a : a + ".path")
            .ToList();
        var rows = new List<string[]>();
        foreach (var name in names)
        {
            if (patterns.Count > 0 && !patterns.Any(p => UnitPatterns.Matches(p, name))) continue;
            var definition = ctx.Units.Load(name);
            if (definition.LoadState == UnitLoadState.NotFound) continue;
            if (!ctx.Options.All && RuntimeState.Read(ctx, name).ActiveState == ActiveState.Inactive) continue;
            var settings = PathSettings.From(definition);
            foreach (var spec in settings.Specs) rows.Add([spec.Path, spec.Kind.ToString(), name, settings.Unit]);
        }
        rows.Sort((a, b) =>
        {
            var byPath = string.CompareOrdinal(a[0], b[0]);
            return byPath != 0 ? byPath : string.CompareOrdinal(a[2], b[2]);
        });
        var legend = !ctx.Options.NoLegend;
        var table = new Table(false, "PATH", "CONDITION", "UNIT", "ACTIVATES");
        foreach (var row in rows) table.Add("", row);
        table.Write(ctx.Out, legend);
        if (legend)
        {
            ctx.Out.WriteLine();
            ctx.Out.WriteLine($"{rows.Count} paths listed.");
            if (!ctx.Options.All) ctx.Out.WriteLine("Pass --all to see loaded but inactive paths, too.");
        }
        return ExitCodes.Success;
    }
}
