using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>start, stop and the state queries on real services.</summary>
public sealed class StartStopTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [Fact]
    public void StartRunsASimpleServiceDetachedInItsOwnSessionAndStopEndsIt()
    {
        _box.Unit("sleeper.service", "[Service]\nExecStart=/bin/sleep 300\n");

        var start = _box.Systemctl("start", "sleeper");

        Assert.True(start.ExitCode == 0, start.ToString());
        var pid = _box.MainPid("sleeper.service");
        Assert.True(pid > 0);
        Assert.True(Directory.Exists($"/proc/{pid}"));
        var stat = File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].Split(' ');
        Assert.Equal(pid.ToString(), stat[3]); // session id: it leads its own session
        Assert.Equal("active\n", _box.Systemctl("is-active", "sleeper").Stdout);

        var stop = _box.Systemctl("stop", "sleeper.service");

        Assert.Equal(0, stop.ExitCode);
        Assert.True(ServiceSandbox.WaitFor(() =>
            !Directory.Exists($"/proc/{pid}") || File.ReadAllText($"/proc/{pid}/stat").Contains(") Z "),
            TimeSpan.FromSeconds(5)));
        var after = _box.Systemctl("is-active", "sleeper");
        Assert.Equal((3, "inactive\n"), (after.ExitCode, after.Stdout));
    }

    [Fact]
    public void WithoutACgroupAProcessThatLeftItsSessionAndTreeIsFoundByItsInvocationIdAndStopped()
    {
        var marker = _box.File("escapee.pid");
        _box.Unit("esc.service",
            $"[Service]\n"
            + $"ExecStart=/bin/sh -c 'setsid -f sh -c \"echo \\$\\$ > {marker}; exec sleep 100000\"; exec sleep "
            + $"100000'\n");
        Assert.Equal(0, _box.Systemctl("start", "esc").ExitCode);
        Assert.True(ServiceSandbox.WaitFor(() => File.Exists(marker) && File.ReadAllText(marker).Trim().Length > 0,
            TimeSpan.FromSeconds(5)));
        var escapee = int.Parse(File.ReadAllText(marker).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(_box.MainPid("esc.service"), escapee);

        Assert.Contains($"─{escapee} sleep 100000", _box.Systemctl("status", "esc").Stdout);
        var stop = _box.Systemctl("stop", "esc");

        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.True(ServiceSandbox.WaitFor(() => !ServiceSandbox.IsAlive(escapee), TimeSpan.FromSeconds(5)),
            "the escapee outlived stop");
    }

    [Fact]
    public void StartAndStopMatchAGlobWithACharacterClassAsListUnitsDoes()
    {
        foreach (var name in (string[])["web1", "web2", "web3"])
            _box.Unit(name + ".service", "[Service]\nExecStart=/bin/sleep 300\n");

        Assert.Equal(0, _box.Systemctl("start", "web[12]*").ExitCode);

        Assert.Equal("active", _box.Property("web1.service", "ActiveState"));
        Assert.Equal("active", _box.Property("web2.service", "ActiveState"));
        Assert.Equal("inactive", _box.Property("web3.service", "ActiveState"));
        var listed = _box.Systemctl("list-units", "--no-legend", "--plain", "web[12]*").Stdout;
        Assert.Contains("web1.service", listed);
        Assert.DoesNotContain("web3.service", listed);
        Assert.Equal(0, _box.Systemctl("stop", "web[!3]*").ExitCode);
        Assert.Equal("inactive", _box.Property("web1.service", "ActiveState"));
        Assert.Equal("inactive", _box.Property("web2.service", "ActiveState"));
    }

    [Fact]
    public void SuccessExitStatusTakesSystemdsExitStatusNames()
    {
        _box.Unit("tempfail.service",
            "[Service]\nType=oneshot\nRemainAfterExit=yes\nSuccessExitStatus=TEMPFAIL\n"
            + "ExecStart=/bin/sh -c 'exit 75'\n");
        _box.Unit("usage.service",
            "[Service]\nType=oneshot\nSuccessExitStatus=TEMPFAIL\nExecStart=/bin/sh -c 'exit 64'\n");

        var listed = _box.Systemctl("start", "tempfail");
        var unlisted = _box.Systemctl("start", "usage");

        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Equal("active", _box.Property("tempfail.service", "ActiveState"));
        Assert.Equal(1, unlisted.ExitCode);
        Assert.Contains("status=64/USAGE", _box.Systemctl("status", "usage").Stdout);
    }

    [Fact]
    public void StartOfAnUnknownUnitFailsWithExitFiveAndSystemdsMessage()
    {
        var result = _box.Systemctl("start", "nope");

        Assert.Equal(5, result.ExitCode);
        Assert.Equal("Failed to start nope.service: Unit nope.service not found.\n", result.Stderr);
    }

    [Fact]
    public void StopOfAnUnknownUnitSaysItIsNotLoaded()
    {
        var result = _box.Systemctl("stop", "nope.service");

        Assert.Equal(5, result.ExitCode);
        Assert.Equal("Failed to stop nope.service: Unit nope.service not loaded.\n", result.Stderr);
    }

    [Fact]
    public void AFailingExecStartPreFailsTheStartAndLeavesTheUnitFailed()
    {
        _box.Unit("broken.service", "[Service]\nExecStartPre=/bin/false\nExecStart=/bin/sleep 300\n");

        var start = _box.Systemctl("start", "broken");

        Assert.Equal(1, start.ExitCode);
        Assert.StartsWith("Job for broken.service failed because the control process exited with error code.\n",
            start.Stderr);
        Assert.Equal(0, _box.Systemctl("is-failed", "broken").ExitCode);
        Assert.Equal("exit-code", _box.Property("broken.service", "Result"));
        Assert.Equal(3, _box.Systemctl("status", "broken").ExitCode);
    }

    [Fact]
    public void AOneshotWithRemainAfterExitStaysActiveExitedWithItsExitStatusRecorded()
    {
        var marker = _box.File("ran");
        _box.Unit("setup.service",
            $"[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/sh -c 'echo once >> {marker}'\n");

        Assert.Equal(0, _box.Systemctl("start", "setup").ExitCode);
        Assert.Equal(0, _box.Systemctl("start", "setup").ExitCode);

        Assert.Equal("once\n", File.ReadAllText(marker));
        Assert.Equal(("active", "exited"), (_box.Property("setup.service", "ActiveState"),
            _box.Property("setup.service", "SubState")));
        Assert.Equal("0", _box.Property("setup.service", "ExecMainStatus"));
    }

    [Fact]
    public void AOneshotThatFailsReportsItsExitStatus()
    {
        _box.Unit("fails.service", "[Service]\nType=oneshot\nExecStart=/bin/sh -c 'exit 7'\n");

        Assert.Equal(1, _box.Systemctl("start", "fails").ExitCode);

        Assert.Equal(("failed", "7"), (_box.Property("fails.service", "ActiveState"),
            _box.Property("fails.service", "ExecMainStatus")));
    }

    [Fact]
    public async Task TwoConcurrentStartsOfOneUnitRunItOnce()
    {
        var counter = _box.File("count");
        _box.Unit("slow.service",
            $"[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/sh -c 'echo x >> {counter}; sleep 0.5'\n");

        var first = Task.Run(() => _box.Systemctl("start", "slow"));
        var second = Task.Run(() => _box.Systemctl("start", "slow"));
        var results = await Task.WhenAll(first, second);

        Assert.Equal((0, 0), (results[0].ExitCode, results[1].ExitCode));
        Assert.Equal("x\n", File.ReadAllText(counter));
    }

    [Fact]
    public void AFailedConditionSkipsTheStartWithoutAnError()
    {
        _box.Unit("cond.service", "[Unit]\nConditionPathExists=/does/not/exist\n[Service]\nExecStart=/bin/sleep 300\n");

        var start = _box.Systemctl("start", "cond");

        Assert.Equal(0, start.ExitCode);
        Assert.Equal("inactive", _box.Property("cond.service", "ActiveState"));
        Assert.Contains("ConditionPathExists=/does/not/exist was not met", _box.Systemctl("status", "cond").Stdout);
    }

    [Fact]
    public void RestartGivesTheServiceANewMainProcess()
    {
        _box.Unit("again.service", "[Service]\nExecStart=/bin/sleep 300\n");
        Assert.Equal(0, _box.Systemctl("start", "again").ExitCode);
        var before = _box.MainPid("again.service");

        Assert.Equal(0, _box.Systemctl("restart", "again").ExitCode);

        var after = _box.MainPid("again.service");
        Assert.NotEqual(before, after);
        Assert.True(after > 0);
        Assert.Equal(0, _box.Systemctl("try-restart", "again").ExitCode);
    }
}
