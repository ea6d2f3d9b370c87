using Platform.Host.Cli;
using Platform.Host.Output;
using Platform.Units;

namespace Platform.Host.Commands.Query;

/// <summary>
/// <c>list-unit-files [PATTERN...]</c>: every unit file with its state and preset, as systemctl 252 prints it
/// (header, rows, a blank line, "N unit files listed."). Exit code 1 when nothing matched. Needs no status store.
/// </summary>
internal static class ListUnitFilesCommand
{
    public static int Run(HostContext ctx)
    {
        var o = ctx.Options;
        if (UnitTypes.FirstInvalid(o.Types) is { } bad) return UnitTypes.Reject(ctx, bad);
        var rows = UnitFileListing.List(ctx.Units, o.Arguments, UnitTypes.Only(o.Types), o.States,
            includeBuiltIns: false);
        var table = new Table(false, "UNIT FILE", "STATE", "PRESET");
        foreach (var row in rows) table.Add("", row.Name, row.State, row.Preset);
        var legend = !o.NoLegend;
        using var w = new StringWriter();
        table.Write(w, header: legend);
        if (legend) w.Write($"\n{rows.Count} unit files listed.\n");
        ctx.Out.Write(w.ToString());
        return rows.Count > 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
