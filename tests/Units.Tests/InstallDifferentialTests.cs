namespace Platform.Units.Tests;

[Trait("Category", "Differential")]
public sealed class InstallDifferentialTests
{
    private static readonly Dictionary<string, (Action<UnitTree> Build, Action<DifferentialRun> Steps)>[] Sets =
        [InstallScenarios.All, InstallNamingScenarios.All, InstallEdgeScenarios.All];

    public static TheoryData<string> Scenarios => new(Sets.SelectMany(s => s.Keys));

    [DifferentialTheory]
    [MemberData(nameof(Scenarios))]
    public void InstallCommandsPrintAndLinkExactlyWhatRealSystemctlDoes(string scenario)
    {
        var (build, steps) = Sets.First(s => s.ContainsKey(scenario))[scenario];
        using var run = new DifferentialRun(build);
        steps(run);
        Assert.True(run.Differences.Length == 0, run.Differences);
    }
}
