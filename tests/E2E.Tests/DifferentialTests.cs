using Platform.Testing;
using Platform.TestSupport;

namespace Platform.E2E.Tests;

/// <summary>
/// The same wgsync units and the same commands in a container booted by real systemd 252 and in one booted by our
/// systemctl: what deployment tools read (show properties, is-active, is-enabled, exit codes, list-units rows) must
/// match.
/// </summary>
public sealed class DifferentialTests(WgsyncImage stack) : IClassFixture<WgsyncImage>
{
    private static readonly string[] Properties =
        ["Id", "LoadState", "ActiveState", "SubState", "Result", "Type", "Restart", "UnitFileState", "Description",
            "Requires", "BindsTo",
         "RemainAfterExit", "StatusText", "NRestarts", "MainPID"];

    /// <summary>Commands whose exit code and output must match, unknown units and a failing start among them.</summary>
    private static readonly string[][] Commands =
    [
        ["systemctl", "start", "nope.service"], ["systemctl", "stop", "nope.service"],
            ["systemctl", "status", "nope.service"],
        ["systemctl", "is-enabled", "nope.service"], ["systemctl", "is-active", "nope.service"],
            ["systemctl", "cat", "nope.service"],
        ["systemctl", "start", "wgsync-selftest.service"], ["systemctl", "is-failed", "wgsync-selftest.service"],
        ["systemctl", "show", "wgsync-selftest.service", "-p", "ActiveState,SubState,Result,ExecMainStatus"],
        ["systemctl", "reset-failed", "wgsync-selftest.service"], ["systemctl", "is-active", "wgsync-selftest.service"],
        ["systemctl", "is-active", "wgsync-event.service", "wgsync-ldap.service"],
    ];

    private async Task<PlatformContainer> BootReferenceAsync()
    {
        var example = Path.Join(Published.RepoRoot, "examples", "wgsync");
        var builder = stack.Docker.NewImage().From(BaseImages.SystemdReference)
            .AddFile(Path.Join(example, "programs", "wgsync-svc"), "/usr/lib/wgsync/wgsync-svc",
                (UnixFileMode)0b111_101_101);
        foreach (var unit in Directory.GetFiles(Path.Join(example, "units")))
            builder.AddFile(unit, "/etc/systemd/system/" + Path.GetFileName(unit));
        var image = await builder.Run("systemctl enable wgsync-event.service wgsync-ldap.service wgsync-remctl.service")
            .BuildAsync();
        var container = await stack.Docker.NewSystemdReference(image).WithBootWait(false).StartAsync();
        await container.WaitForAsync(PlatformWait.ForUnitActive("wgsync-ldap.service"), TimeSpan.FromSeconds(90));
        await container.WaitForAsync(PlatformWait.ForUnitActive("wgsync-remctl.service"), TimeSpan.FromSeconds(30));
        return container;
    }

    private static async Task<List<string>> AnswersAsync(PlatformContainer c)
    {
        var answers = new List<string>();
        foreach (var unit in WgsyncImage.Services.Append("wgsync-selftest.service").Append("nope.service"))
        {
            var show = await c.ExecAsync("systemctl", "show", unit, "-p", string.Join(',', Properties));
            answers.Add($"show {unit} exit={show.ExitCode}\n{SortLists(MainPidLiveness(show.Stdout))}");
            var active = await c.ExecAsync("systemctl", "is-active", unit);
            answers.Add($"is-active {unit} exit={active.ExitCode} {active.Stdout.Trim()}");
            var enabled = await c.ExecAsync("systemctl", "is-enabled", unit);
            answers.Add($"is-enabled {unit} exit={enabled.ExitCode} {enabled.Stdout.Trim()}");
        }
        var rows = await c.ExecAsync("systemctl", "list-units", "wgsync-*", "--all", "--no-legend", "--plain");
        answers.Add($"list-units exit={rows.ExitCode}\n{rows.Stdout}");
        await c.ExecAsync("sh", "-c", "mkdir -p /etc/wgsync && touch /etc/wgsync/fail-wgsync-selftest");
        foreach (var command in Commands)
        {
            var r = await c.ExecAsync(command);
            answers.Add($"{string.Join(' ', command)} exit={r.ExitCode}\n{r.Stdout}{r.Stderr}");
        }
        return answers;
    }

    /// <summary>Pids differ between the containers; whether there is a main process does not.</summary>
    private static string MainPidLiveness(string show) => string.Join('\n', show.Split('\n').Select(line =>
        line.StartsWith("MainPID=", StringComparison.Ordinal)
            ? (line == "MainPID=0" ? "MainPID=none" : "MainPID=running") : line));

    /// <summary>systemd prints dependency lists in its hash-table order; the set is what counts.</summary>
    private static string SortLists(string show) => string.Join('\n', show.Split('\n').Select(line =>
        line.StartsWith("Requires=", StringComparison.Ordinal) || line.StartsWith("BindsTo=", StringComparison.Ordinal)
            ? line[..(line.IndexOf('=') + 1)] + string.Join(' ',
                line[(line.IndexOf('=') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Order(StringComparer.Ordinal))
            : line));

    [DockerFact(Image = BaseImages.SystemdReference)]
    public async Task ShowIsActiveIsEnabledAndListUnitsAnswerAsSystemd252Does()
    {
        await using var reference = await BootReferenceAsync();
        await using var ours = await stack.BootAsync();

        var expected = await AnswersAsync(reference);
        var actual = await AnswersAsync(ours);

        var differences = new List<string>();
        for (var i = 0; i < expected.Count; i++)
            if (expected[i] != actual[i]) differences.Add($"--- systemd 252\n{expected[i]}\n--- ours\n{actual[i]}");
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n" + string.Join("\n", differences));
    }
}
