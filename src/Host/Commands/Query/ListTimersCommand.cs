using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Commands.Show;
using Platform.Host.Lifecycle;
using Platform.Host.Output;
using Platform.Host.Timers;
using Platform.Units;

namespace Platform.Host.Commands.Query;

/// <summary>
/// <c>list-timers [PATTERN...]</c> in systemd 252's layout: NEXT LEFT LAST PASSED UNIT ACTIVATES, sorted by next elapse
/// (never last), "n/a" for what is unknown, then "N timers listed." and, without <c>--all</c>, the hint. Active timers
/// by default; <c>--all</c> adds every loaded timer (its unit files, since nothing else loads them here).
/// </summary>
internal static class ListTimersCommand
{
    public static int Run(HostContext ctx)
    {
        var now = Clock.NowUsec();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var status in RuntimeState.List(ctx))
            if (status.Unit.EndsWith(".timer", StringComparison.Ordinal)) names.Add(status.Unit);
        if (ctx.Options.All)
            foreach (var name in ctx.Units.AllUnitFileNames())
                if (name.EndsWith(".timer", StringComparison.Ordinal) && !UnitNames.IsTemplate(name)) names.Add(name);
        var patterns = ctx.Options.Arguments.Select(a => UnitPatterns.IsGlob(a) || a.Contains('.') ? a : a + ".timer")
            .ToList();
        var rows = new List<(long Next, string Id, string[] Cells)>();
        foreach (var name in names)
        {
            if (patterns.Count > 0 && !patterns.Any(p => UnitPatterns.Matches(p, name))) continue;
            var definition = ctx.Units.Load(name);
            if (definition.LoadState == UnitLoadState.NotFound) continue;
            var status = RuntimeState.Read(ctx, name);
            if (!ctx.Options.All && status.ActiveState == ActiveState.Inactive) continue;
            var schedule = status.ActiveState == ActiveState.Active
                ? TimerRuntime.Schedule(ctx, definition, status, now) : null;
            var next = schedule?.Due ?? long.MaxValue;
            var last = TimerRuntime.LastTrigger(status);
            rows.Add((next, name,
            [
                next == long.MaxValue ? "n/a" : SystemdFormat.Timestamp(next),
                next == long.MaxValue ? "n/a" : RelativeTime.Format(next, now),
                last <= 0 ? "n/a" : SystemdFormat.Timestamp(last),
                last <= 0 ? "n/a" : RelativeTime.Format(last, now),
                name,
                TimerSettings.From(definition).Unit,
            ]));
        }
        rows.Sort((a, b) => a.Next != b.Next ? a.Next.CompareTo(b.Next) : string.CompareOrdinal(a.Id, b.Id));
        var legend = !ctx.Options.NoLegend;
        var table = new Table(false, "NEXT", "LEFT", "LAST", "PASSED", "UNIT", "ACTIVATES");
        foreach (var row in rows) table.Add("", row.Cells);
        table.Write(ctx.Out, legend);
        if (legend)
        {
            ctx.Out.WriteLine();
            ctx.Out.WriteLine($"{rows.Count} timers listed.");
            if (!ctx.Options.All) ctx.Out.WriteLine("Pass --all to see loaded but inactive timers, too.");
        }
        return ExitCodes.Success;
    }
}
