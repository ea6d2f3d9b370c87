using Platform.TestSupport;

namespace Platform.Host.Tests.Reliability;

/// <summary>
/// The short CI run of each fuzz target (fuzz/run.sh is the nightly one): a few seconds of the in-process loop over
/// the seeds in fuzz/corpus and their mutations, which must end with 0 crashes, hangs and out-of-memory findings.
/// Uses fuzz/Platform.Fuzz as the solution build leaves it (uninstrumented: random mutation, no coverage feedback).
/// </summary>
public sealed class FuzzSmokeTests
{
    private static readonly string Harness = Path.Join(Published.RepoRoot, "fuzz", "Platform.Fuzz", "bin", "Release",
        "net10.0", "Platform.Fuzz.dll");

    [Theory]
    [InlineData("unit-file")]
    [InlineData("exec-line")]
    [InlineData("time-span")]
    [InlineData("calendar")]
    [InlineData("status-record")]
    [InlineData("journal")]
    public void ShortRunFindsNothing(string target)
    {
        Assert.True(File.Exists(Harness), $"{Harness} is missing: build Platform.sln (-c Release) first");
        using var findings = new TempRoot("platform-fuzz-findings-");
        var result = CommandRunner.Run("dotnet", [Harness, "run", target, "--seconds", "3", "--seed", "20261203",
            "--findings", findings.Path],
            timeout: TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($@"^{target}: [1-9]\d* execs in .* 0 crashes, 0 hangs, 0 OOM\n$", result.Stdout);
        Assert.Empty(Directory.GetFiles(findings.Path));
    }
}
