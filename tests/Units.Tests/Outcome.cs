using System.Text.RegularExpressions;

namespace Platform.Units.Tests;

/// <summary>What one command printed and returned, normalised so runs on different roots compare equal.</summary>
internal sealed record Outcome(int Exit, IReadOnlyList<string> Stdout, IReadOnlyList<string> Stderr)
{
    private static readonly Regex ParseWarning = new(@"^ROOT/\S+:\d+: ", RegexOptions.Compiled);

    public static Outcome From(int exit, string stdout, string stderr, string root)
        => From(exit, Lines(stdout), Lines(stderr), root);

    public static Outcome From(int exit, IEnumerable<string> stdout, IEnumerable<string> stderr, string root)
    {
        var o = stdout.Select(l => l.Replace(root, "ROOT")).ToList();
        var e = stderr.Select(l => l.Replace(root, "ROOT")).Where(l => !ParseWarning.IsMatch(l)).ToList();
        return new Outcome(exit, o, SortRemovedRuns(e));
    }

    /// <summary>systemctl removes links in readdir order; compare runs of "Removed" lines as sets.</summary>
    private static List<string> SortRemovedRuns(List<string> lines)
    {
        var result = new List<string>();
        for (var i = 0; i < lines.Count;)
        {
            if (!lines[i].StartsWith("Removed ", StringComparison.Ordinal)) { result.Add(lines[i++]); continue; }
            var run = new List<string>();
            while (i < lines.Count && lines[i].StartsWith("Removed ", StringComparison.Ordinal)) run.Add(lines[i++]);
            run.Sort(StringComparer.Ordinal);
            result.AddRange(run);
        }
        return result;
    }

    private static IEnumerable<string> Lines(string text)
        => text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0);

    public override string ToString()
        => $"exit {Exit}\n  stdout: {string.Join("\n          ", Stdout)}\n"
            + $"  stderr: {string.Join("\n          ", Stderr)}";
}
