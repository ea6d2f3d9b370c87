using System.Text;
using Platform.TestSupport;

namespace Platform.Host.Tests.Install;

/// <summary>
/// Two identical temporary roots: every command runs through the real systemctl on one and through our published
/// binary on the other; stdout, stderr, exit code and afterwards the whole file tree must agree.
/// </summary>
internal sealed class TwinRoots : IDisposable
{
    private readonly StringBuilder _differences = new();
    private bool _treesDiverged;

    public TwinRoots(Action<TempRoot> build)
    {
        build(Real);
        build(Ours);
    }

    public TempRoot Real { get; } = new("platform-real-");
    public TempRoot Ours { get; } = new("platform-ours-");

    /// <summary>Everything that differed so far; empty when both behaved the same.</summary>
    public string Differences => _differences.ToString();

    public void Run(params string[] args)
    {
        // preset-all walks folders in readdir order, so only the set of its created links is defined.
        var unordered = args.Contains("preset-all") ? new[] { "Removed ", "Created symlink " } : ["Removed "];
        var real = Normalize(RealSystemctl.Run(Real.Path, args), Real.Path, unordered);
        var ours = Normalize(RealSystemctl.Ours(Ours.Path, args), Ours.Path, unordered);
        var label = string.Join(' ', args);
        if (real != ours) _differences.Append($"[{label}]\n--- real\n{real}\n--- ours\n{ours}\n");
        if (_treesDiverged) return;
        var realTree = Snapshot(Real.Path);
        var ourTree = Snapshot(Ours.Path);
        if (realTree == ourTree) return;
        // Later commands would only repeat the same difference.
        _treesDiverged = true;
        _differences.Append($"[{label}] trees differ\n--- real\n{realTree}\n--- ours\n{ourTree}\n");
    }

    /// <summary>
    /// Root paths replaced; runs of lines with an <paramref name="unordered"/> prefix sorted (systemctl removes in
    /// readdir order).
    /// </summary>
    private static string Normalize(CommandResult r, string root, string[] unordered)
    {
        var err = r.Stderr.Replace(root, "ROOT").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        bool Loose(string line) => unordered.Any(p => line.StartsWith(p, StringComparison.Ordinal));
        for (var i = 0; i < err.Count;)
        {
            if (!Loose(err[i])) { i++; continue; }
            var end = i;
            while (end < err.Count && Loose(err[end])) end++;
            err.Sort(i, end - i, StringComparer.Ordinal);
            i = end;
        }
        return $"exit {r.ExitCode}\nstdout:\n{r.Stdout.Replace(root, "ROOT")}stderr:\n{string.Join('\n', err)}";
    }

    private static string Snapshot(string root)
    {
        var lines = new List<string>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", options))
        {
            var rel = entry[root.Length..];
            var info = new FileInfo(entry);
            if (info.LinkTarget is { } target) lines.Add($"{rel} -> {target.Replace(root, "ROOT")}");
            else if (Directory.Exists(entry)) lines.Add(rel + "/");
            else lines.Add($"{rel} ({info.Length} bytes)");
        }
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    public void Dispose()
    {
        Real.Dispose();
        Ours.Dispose();
    }
}
