using System.Text;

namespace Platform.Host.Plugins;

/// <summary>
/// <c>systemctl list-plugins</c>: loads every plugin to verify it, then prints one row per export like systemctl's own
/// tables.
/// </summary>
public static class ListPluginsCommand
{
    private static readonly string[] Header = ["KIND", "NAME", "ASSEMBLY", "VERSION", "STATE", "FOLDER"];

    /// <summary>
    /// Prints the table (header and <c>N plugins listed.</c> footer unless <paramref name="legend"/> is false, as
    /// <c>--no-legend</c>); returns the exit code.
    /// </summary>
    public static int Run(PluginCatalog catalog, TextWriter stdout, bool legend)
    {
        catalog.LoadAll();
        var rows = new List<string[]>();
        foreach (var info in catalog.Describe())
            rows.Add([info.Kind, info.Name, info.Assembly, info.Version, info.State, info.Folder]);
        var widths = new int[Header.Length];
        if (legend) Measure(widths, Header);
        foreach (var row in rows) Measure(widths, row);
        var line = new StringBuilder();
        if (legend) WriteRow(stdout, line, widths, Header);
        foreach (var row in rows) WriteRow(stdout, line, widths, row);
        if (legend)
        {
            stdout.WriteLine();
            stdout.WriteLine($"{rows.Count} plugins listed.");
        }
        return 0;
    }

    private static void Measure(int[] widths, string[] cells)
    {
        for (var i = 0; i < cells.Length; i++) widths[i] = Math.Max(widths[i], cells[i].Length);
    }

    private static void WriteRow(TextWriter stdout, StringBuilder line, int[] widths, string[] cells)
    {
        line.Clear();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) line.Append(' ');
            // The last column is not padded, so lines carry no trailing blanks.
            if (i == cells.Length - 1) line.Append(cells[i]);
            else line.Append(cells[i].PadRight(widths[i]));
        }
        stdout.WriteLine(line.ToString());
    }
}
