using Platform.Testing;
using Platform.TestSupport;

namespace Platform.E2E.Tests;

/// <summary>
/// Debian bookworm's own unit files (openssh-server, nginx-light, cron, redis-server, memcached, rsyslog, chrony, dbus,
/// postgresql, systemd 252's) booted by our systemctl as PID 1 and, side by side, by real systemd 252
/// (<see cref="DistroStack"/>). Each test prints every difference of its section, one line each, before it asserts.
/// </summary>
public sealed class DistroTests(DistroStack stack, ITestOutputHelper output) : IClassFixture<DistroStack>
{
    private const string UpdateUtmp =
        "deliberate (README): systemd-update-utmp asks systemd itself over D-Bus (\"Failed to get D-Bus "
        + "connection\") and fails under our init";
    private const string Degraded = "follows from the cause above: ours boots degraded with systemd-update-utmp failed";

    /// <summary>The differences this image shows today, each with its cause (section, key prefix, reason).</summary>
    public static readonly (string Section, string KeyPrefix, string Reason)[] Known =
    [
        ("boot", "is-system-running", Degraded),
        ("failed", "", Degraded + " (" + UpdateUtmp + ")"),
    ];

    private static string? ReasonFor(Difference d)
        => Known.Where(k => k.Section == d.Section && d.Key.StartsWith(k.KeyPrefix, StringComparison.Ordinal))
            .Select(k => k.Reason).FirstOrDefault();

    private void AssertSame(string section)
    {
        Assert.NotEmpty(stack.Systemd);
        Assert.NotEmpty(stack.Ours);
        var differences = stack.Differences(section);
        foreach (var d in differences) output.WriteLine(d.ToString());
        Assert.True(differences.Count == 0, $"{differences.Count} differences from systemd 252 in [{section}]:\n"
            + string.Join('\n', differences));
    }

    /// <summary>
    /// Runs in CI while the per-section tests below wait for their bugs: every difference is printed with its cause
    /// (also to artifacts/distro-differences.txt, every answer to artifacts/distro-answers.txt), and one not in
    /// <see cref="Known"/> fails.
    /// </summary>
    [DockerFact(Image = BaseImages.Distro)]
    public void NoDifferenceFromSystemd252AppearsBeyondTheKnownOnes()
    {
        Assert.NotEmpty(stack.Systemd);
        Assert.NotEmpty(stack.Ours);
        var differences = stack.Differences();
        var lines = differences.Select(d => $"{d} -- {ReasonFor(d) ?? "UNEXPECTED"}").ToList();
        var text = $"{differences.Count} differences between systemd 252 and our init on {BaseImages.Distro}\n"
            + string.Join('\n', lines) + "\n"
            + string.Join('\n', stack.Durations.Select(d => $"{d.Key}: {d.Value.TotalSeconds:0.0} s")) + "\n";
        output.WriteLine(text);
        var artifacts = Path.Join(Published.RepoRoot, "artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Join(artifacts, "distro-differences.txt"), text);
        File.WriteAllText(Path.Join(artifacts, "distro-answers.txt"), string.Join('\n',
            stack.Systemd.Select(o => $"systemd [{o.Section}] {o.Key} = {o.Value}")
                .Concat(stack.Ours.Select(o => $"ours    [{o.Section}] {o.Key} = {o.Value}"))));
        var unexpected = lines.Where(l => l.EndsWith("UNEXPECTED", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} new differences from systemd 252:\n"
            + string.Join('\n', unexpected));
    }

    [DockerFact(Image = BaseImages.Distro, Skip = Degraded + ": " + UpdateUtmp)]
    public void TheBootReachesTheSameStateWithTheSameEnabledUnits() => AssertSame("boot");

    [DockerFact(Image = BaseImages.Distro)]
    public void EveryPackagedAndEnabledUnitIsActiveEnabledAndShownAsUnderSystemd252() => AssertSame("units");

    [DockerFact(Image = BaseImages.Distro)]
    public void EachDaemonAnswersOnItsSocketAsUnderSystemd252() => AssertSame("sockets");

    [DockerFact(Image = BaseImages.Distro, Skip = Degraded + ": " + UpdateUtmp)]
    public void TheFailedUnitsAreTheSame() => AssertSame("failed");

    [DockerFact(Image = BaseImages.Distro)]
    public void NoZombieIsLeftAfterTheBootOrTheVerbs()
    {
        AssertSame("zombies");
        Assert.All(stack.Ours.Where(o => o.Section == "zombies"), o => Assert.Equal("none", o.Value));
    }

    [DockerFact(Image = BaseImages.Distro)]
    public void TheSameDaemonsRunAsUnderSystemd252() => AssertSame("processes");

    [DockerFact(Image = BaseImages.Distro)]
    public void StopStartRestartAndReloadOfNginxRedisAndCronEndAsUnderSystemd252() => AssertSame("verbs");

    [DockerFact(Image = BaseImages.Distro)]
    public void DockerStopExitsAsSystemd252DoesAfterEveryExecStopRan() => AssertSame("docker-stop");
}
