using System.Globalization;
using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>
/// Transactions: what start pulls in, in which order, in parallel where nothing orders it; stop and conflict
/// propagation.
/// </summary>
public sealed class DependencyTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    /// <summary>
    /// A oneshot that records when it began and ended (ms since the epoch) and takes <paramref name="seconds"/>.
    /// </summary>
    private void TimedOneshot(string name, double seconds, string unitSection = "")
    {
        var log = _box.File(name + ".times");
        var sleep = seconds.ToString(CultureInfo.InvariantCulture);
        _box.Unit(name + ".service", $"[Unit]\n{unitSection}\n[Service]\nType=oneshot\nRemainAfterExit=yes\n" +
            $"ExecStart=/bin/sh -c 'date +%%s%%3N > {log}; sleep {sleep}; date +%%s%%3N >> {log}'\n");
    }

    private (long Begin, long End) Times(string name)
    {
        var lines = File.ReadAllLines(_box.File(name + ".times"));
        return (long.Parse(lines[0], CultureInfo.InvariantCulture), long.Parse(lines[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void StartPullsInRequiredUnitsAfterTheirOrderAndRunsIndependentOnesInParallel()
    {
        TimedOneshot("base", 0.8);
        TimedOneshot("app", 0.1, "Requires=base.service\nAfter=base.service");
        TimedOneshot("side", 0.8);

        var start = _box.Systemctl("start", "app", "side");

        Assert.True(start.ExitCode == 0, start.ToString());
        var (baseBegin, baseEnd) = Times("base");
        var (appBegin, _) = Times("app");
        var (sideBegin, sideEnd) = Times("side");
        Assert.True(appBegin >= baseEnd, "app started before base finished");
        Assert.True(sideBegin < baseEnd && baseBegin < sideEnd, "side and base did not overlap");
        Assert.Equal("active", _box.Property("base.service", "ActiveState"));
    }

    [Fact]
    public void AFailedRequirementFailsTheDependentWithADependencyMessage()
    {
        _box.Unit("db.service", "[Service]\nType=oneshot\nExecStart=/bin/false\n");
        _box.Unit("web.service",
            "[Unit]\nRequires=db.service\nAfter=db.service\n[Service]\nExecStart=/bin/sleep 300\n");

        var start = _box.Systemctl("start", "web");

        Assert.Equal(1, start.ExitCode);
        Assert.Equal("A dependency job for web.service failed. See 'journalctl -xe' for details.\n", start.Stderr);
        Assert.Equal("inactive", _box.Property("web.service", "ActiveState"));
        Assert.Equal("failed", _box.Property("db.service", "ActiveState"));
    }

    [Fact]
    public void AWantedUnitThatFailsDoesNotStopTheStart()
    {
        _box.Unit("extra.service", "[Service]\nType=oneshot\nExecStart=/bin/false\n");
        _box.Unit("main.service",
            "[Unit]\nWants=extra.service\nAfter=extra.service\n[Service]\nExecStart=/bin/sleep 300\n");

        Assert.Equal(0, _box.Systemctl("start", "main").ExitCode);

        Assert.Equal("active", _box.Property("main.service", "ActiveState"));
    }

    [Fact]
    public void StoppingAUnitStopsTheUnitsThatRequireOrBindToIt()
    {
        _box.Unit("core.service", "[Service]\nExecStart=/bin/sleep 300\n");
        _box.Unit("needs.service",
            "[Unit]\nRequires=core.service\nAfter=core.service\n[Service]\nExecStart=/bin/sleep 300\n");
        _box.Unit("bound.service",
            "[Unit]\nBindsTo=core.service\nAfter=core.service\n[Service]\nExecStart=/bin/sleep 300\n");
        _box.Unit("part.service", "[Unit]\nPartOf=core.service\n[Service]\nExecStart=/bin/sleep 300\n");
        Assert.Equal(0, _box.Systemctl("start", "needs", "bound", "part").ExitCode);

        Assert.Equal(0, _box.Systemctl("stop", "core").ExitCode);

        foreach (var unit in new[] { "core", "needs", "bound", "part" })
            Assert.Equal("inactive", _box.Property(unit + ".service", "ActiveState"));
    }

    [Fact]
    public void StartingAUnitStopsTheUnitsItConflictsWith()
    {
        _box.Unit("old.service", "[Service]\nExecStart=/bin/sleep 300\n");
        _box.Unit("new.service", "[Unit]\nConflicts=old.service\n[Service]\nExecStart=/bin/sleep 300\n");
        Assert.Equal(0, _box.Systemctl("start", "old").ExitCode);

        Assert.Equal(0, _box.Systemctl("start", "new").ExitCode);

        Assert.Equal(("inactive", "active"), (_box.Property("old.service", "ActiveState"),
            _box.Property("new.service", "ActiveState")));
    }

    [Fact]
    public void AnOrderingCycleIsBrokenByDroppingAWantedJobWithAWarning()
    {
        _box.Unit("a.service",
            "[Unit]\nWants=b.service\nAfter=b.service\n[Service]\nType=oneshot\nRemainAfterExit=yes\n"
            + "ExecStart=/bin/true\n");
        _box.Unit("b.service",
            "[Unit]\nAfter=a.service\n[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n");

        var start = _box.Systemctl("start", "a");

        Assert.Equal(0, start.ExitCode);
        Assert.Contains("Found ordering cycle", start.Stderr);
        Assert.Contains("Job b.service/start deleted to break ordering cycle", start.Stderr);
        Assert.Equal("active", _box.Property("a.service", "ActiveState"));
    }

    [Fact]
    public void EnableNowEnablesAndStartsAndDisableNowStops()
    {
        _box.Unit("svc.service", "[Service]\nExecStart=/bin/sleep 300\n[Install]\nWantedBy=multi-user.target\n");

        var enable = _box.Systemctl("enable", "--now", "svc");

        Assert.True(enable.ExitCode == 0, enable.ToString());
        Assert.Equal("active", _box.Property("svc.service", "ActiveState"));
        Assert.Equal(0, _box.Systemctl("disable", "--now", "svc").ExitCode);
        Assert.Equal("inactive", _box.Property("svc.service", "ActiveState"));
        Assert.Equal("disabled", _box.Systemctl("is-enabled", "svc").Stdout.Trim());
    }

    [Fact]
    public void RestartingAUnitRestartsTheUnitsThatRequireIt()
    {
        _box.Unit("base.service", "[Service]\nExecStart=/bin/sleep 300\n");
        _box.Unit("user.service",
            "[Unit]\nRequires=base.service\nAfter=base.service\n[Service]\nExecStart=/bin/sleep 300\n");
        Assert.Equal(0, _box.Systemctl("start", "user").ExitCode);
        var before = _box.MainPid("user.service");

        Assert.Equal(0, _box.Systemctl("restart", "base").ExitCode);

        Assert.Equal("active", _box.Property("user.service", "ActiveState"));
        Assert.NotEqual(before, _box.MainPid("user.service"));
    }

    [Fact]
    public void ARequirementThatNoFileProvidesRefusesTheStartWithSystemdsMessageAndExitCode()
    {
        _box.Unit("web.service", "[Unit]\nRequires=gone.service\n[Service]\nExecStart=/bin/sleep 300\n");

        var start = _box.Systemctl("start", "web");

        Assert.Equal(5, start.ExitCode);
        Assert.Equal("Failed to start web.service: Unit gone.service not found.\n", start.Stderr);
        Assert.Equal("inactive", _box.Property("web.service", "ActiveState"));
    }

    [Fact]
    public void AWantedUnitWhoseRequirementIsMissingIsDroppedAndTheRestStarts()
    {
        _box.Unit("helper.service", "[Unit]\nRequires=gone.service\n[Service]\nExecStart=/bin/sleep 300\n");
        _box.Unit("main.service", "[Unit]\nWants=helper.service\n[Service]\nExecStart=/bin/sleep 300\n");

        var start = _box.Systemctl("start", "main");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("active", _box.Property("main.service", "ActiveState"));
        Assert.Equal("inactive", _box.Property("helper.service", "ActiveState"));
    }

    [Fact]
    public void StartingAKnownAndAnUnknownUnitStartsTheKnownOneAndExits5()
    {
        _box.Unit("known.service", "[Service]\nExecStart=/bin/sleep 300\n");

        var start = _box.Systemctl("start", "known", "unknown");

        Assert.Equal(5, start.ExitCode);
        Assert.Equal("Failed to start unknown.service: Unit unknown.service not found.\n", start.Stderr);
        Assert.Equal("active", _box.Property("known.service", "ActiveState"));
    }
}
