using System.Text;

namespace Platform.Units.Tests;

/// <summary>
/// Two identical trees: commands run through the real systemctl on one and through <see cref="UnitInstaller"/>
/// on the other; after each command output, exit code and the whole file tree must agree.
/// </summary>
internal sealed class DifferentialRun : IDisposable
{
    private readonly StringBuilder _differences = new();
    private bool _treesDiverged;

    public DifferentialRun(Action<UnitTree> build)
    {
        build(Real);
        build(Ours);
    }

    public UnitTree Real { get; } = new();
    public UnitTree Ours { get; } = new();

    public string Differences => _differences.ToString();

    public void Run(params string[] command)
    {
        var r = RealSystemd.Ctl(Real.Path, command);
        var real = Outcome.From(r.ExitCode, r.Stdout, r.Stderr, Real.Path);
        var ours = OurCommand.Run(Ours, command);
        var label = string.Join(' ', command);
        if (real != ours && !real.ToString().Equals(ours.ToString(), StringComparison.Ordinal))
            _differences.Append($"[{label}]\n real {real}\n ours {ours}\n");
        if (_treesDiverged) return;
        var realTree = Snapshot(Real);
        var ourTree = Snapshot(Ours);
        if (realTree == ourTree) return;
        // Later commands would only repeat the same difference.
        _treesDiverged = true;
        _differences.Append($"[{label}] trees differ\n real:\n{realTree}\n ours:\n{ourTree}\n");
    }

    /// <summary>Compares is-enabled of every given name and the list-unit-files rows.</summary>
    public void CompareStates(params string[] names)
    {
        foreach (var name in names) Run("is-enabled", name);
        var r = RealSystemd.Ctl(Real.Path, "list-unit-files", "--no-legend");
        var realRows = string.Join('\n', r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
        var repo = new UnitRepository(UnitPaths.ForSystem(Ours.Path));
        var ourRows = string.Join('\n', UnitFileListing.List(repo, includeBuiltIns: false)
            .Select(x => $"{x.Name} {x.State} {x.Preset}"));
        if (realRows != ourRows) _differences.Append($"[list-unit-files]\n real:\n{realRows}\n ours:\n{ourRows}\n");
    }

    private static string Snapshot(UnitTree tree)
    {
        var lines = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(tree.Path, "*",
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var rel = entry[tree.Path.Length..];
            var info = new FileInfo(entry);
            if (info.LinkTarget is { } target) lines.Add($"{rel} -> {target.Replace(tree.Path, "ROOT")}");
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
