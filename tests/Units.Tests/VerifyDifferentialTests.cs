using Platform.Abstractions;

namespace Platform.Units.Tests;

[Trait("Category", "Differential")]
public sealed class VerifyDifferentialTests
{
    private static readonly string[] MessageFamilies =
    [
        "Unknown section", "Assignment outside of section", "Missing '='", "Missing key name", "Invalid section header",
        "Neither a valid executable", "Empty path in command line", "Failed to resolve", "Service has",
            "Service is of type",
        "Failed to parse", "path is not absolute",
    ];

    public static TheoryData<string, string> Cases => new()
    {
        { "no-service-section.service", "[Unit]\nDescription=x\n" },
        { "missing-execstart.service", "[Service]\nType=simple\n" },
        { "unknown-section.service", "[Foo]\nBar=1\n[Service]\nExecStart=/bin/true\n" },
        { "relative-path.service", "[Service]\nExecStart=bin/true\n" },
        { "bare-name.service", "[Service]\nExecStart=true\n" },
        { "invalid-header.service", "[Service]\nExecStart=/bin/true\n[Unit\n" },
        { "junk-lines.service", "junk\n[Service]\nExecStart=/bin/true\nnoequals\n=value\n" },
        { "oneshot-remain.service", "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStop=/bin/true\n" },
        { "simple-stop-remain.service", "[Service]\nType=simple\nExecStop=/bin/true\nRemainAfterExit=yes\n" },
        { "stop-only.service", "[Service]\nExecStop=/bin/true\n" },
        { "two-execstart.service", "[Service]\nExecStart=/bin/a\nExecStart=/bin/b\n" },
        { "two-oneshot.service", "[Service]\nType=oneshot\nExecStart=/bin/a\nExecStart=/bin/b\n" },
        { "oneshot-restart.service", "[Service]\nType=oneshot\nRestart=always\nExecStart=/bin/a\n" },
        { "dbus-no-name.service", "[Service]\nType=dbus\nExecStart=/bin/a\n" },
        { "bad-exec-specifier.service", "[Service]\nExecStart=/bin/true %z\n" },
        { "bad-description-specifier.service",
            "[Unit]\nDescription=%z\nAfter=%z.service\n[Service]\nExecStart=/bin/true\nEnvironment=A=%z\n" },
        { "bad-workdir-specifier.service", "[Service]\nExecStart=/bin/true\nWorkingDirectory=%z\n" },
        { "double-prefix.service", "[Service]\nExecStart=--/bin/true\n" },
        { "empty-path.service", "[Service]\nExecStart=-@ /bin/true\n" },
        { "continued.service", "[Service]\nExecStart=/bin/echo a \\\n# comment\n  b %z\n" },
        { "reset-execstart.service", "[Service]\nExecStart=/bin/true\nExecStart=\n" },
        { "good.target", "[Unit]\nDescription=fine\n" },
        { "bad-times.service",
            "[Unit]\nJobTimeoutSec=x\nJobRunningTimeoutSec=\nStartLimitIntervalSec=1.\n[Service]\nExecStart=/bin/true\n"
            + "TimeoutStopSec=garbage\nTimeoutStopSec=\nTimeoutStartSec=5 x\nTimeoutSec=-1\nRestartSec=1e3\n"
                + "WatchdogSec=\n"
            + "RuntimeMaxSec=infinity 5\nTimeoutAbortSec=\nTimeoutAbortSec=bad\nRuntimeRandomizedExtraSec=0x1\n" },
        { "relative-conditions.service",
            "[Unit]\nConditionPathExists=relative\nConditionPathExists=|!rel2\nAssertFileNotEmpty=x\n"
            + "ConditionPathExists=/abs\nConditionNeedsUpdate=etc\n[Service]\nExecStart=/bin/true\n" },
        { "good-times.service",
            "[Unit]\nJobTimeoutSec=0\n[Service]\nExecStart=/bin/true\nTimeoutStopSec=0\nTimeoutStartSec=infinity\n"
            + "RestartSec=100ms\nWatchdogSec=5min 20s\nRuntimeMaxSec=1h30m\nTimeoutAbortSec=2d\n" },
    };

    [DifferentialTheory]
    [MemberData(nameof(Cases))]
    public void LoadStateAndMessagesMatchSystemdAnalyzeVerify(string name, string text)
    {
        using var real = new UnitTree();
        using var ours = new UnitTree();
        real.Unit(name, text);
        ours.Unit(name, text);
        var r = RealSystemd.Verify(real.Path, name);
        var realLines = (r.Stdout + r.Stderr).Split('\n').Select(l => l.Replace(real.Path, "ROOT")).ToList();
        var unit = ours.Repo().Load(name);
        var ourLines = ours.Warnings.Append(unit.LoadError ?? "").Select(l => l.Replace(ours.Path, "ROOT")).ToList();

        var realBroken = realLines.Any(l =>
            l.Contains("has a bad unit file setting") || l.Contains("failed to load properly"));
        Assert.True(realBroken == unit.LoadState is UnitLoadState.BadSetting or UnitLoadState.Error,
            $"real says broken={realBroken}, ours {unit.LoadState}\n{string.Join('\n', realLines)}\n"
                + $"ours: {string.Join('\n', ourLines)}");
        foreach (var line in realLines.Where(l => MessageFamilies.Any(l.Contains)))
            Assert.True(ourLines.Any(o =>
                o == line || (o.EndsWith(line, StringComparison.Ordinal) && line.Contains("Service "))),
                $"missing message: {line}\nours:\n{string.Join('\n', ourLines)}");
    }

    [DifferentialFact]
    public void DanglingLinkIsNotFoundForBoth()
    {
        using var real = new UnitTree();
        using var ours = new UnitTree();
        real.Link(UnitTree.Etc + "/dang.service", "/nowhere.service");
        ours.Link(UnitTree.Etc + "/dang.service", "/nowhere.service");
        var r = RealSystemd.Verify(real.Path, "dang.service");
        Assert.Contains("Unit dang.service not found.", r.Stdout + r.Stderr);
        Assert.Equal(UnitLoadState.NotFound, ours.Repo().Load("dang.service").LoadState);
    }
}
