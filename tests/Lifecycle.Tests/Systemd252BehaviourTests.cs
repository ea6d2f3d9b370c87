using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>Behaviour checked against real systemd 252 that users and their tools depend on.</summary>
public sealed class Systemd252BehaviourTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [Fact]
    public void AOneshotWithoutRemainAfterExitRunsExecStopAndExecStopPostOnceItsStartEnded()
    {
        var log = _box.File("steps");
        _box.Unit("job.service", $"[Service]\nType=oneshot\nExecStart=/bin/sh -c 'echo start >> {log}'\n" +
            $"ExecStop=/bin/sh -c 'echo stop >> {log}'\nExecStopPost=/bin/sh -c 'echo stop-post >> {log}'\n");

        var start = _box.Systemctl("start", "job");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal(["start", "stop", "stop-post"], File.ReadAllLines(log));
        Assert.Equal("inactive", _box.Property("job.service", "ActiveState"));
    }

    [Fact]
    public void AOneshotWhoseExecStopFailsEndsFailedWithResultExitCode()
    {
        _box.Unit("job.service", "[Service]\nType=oneshot\nExecStart=/bin/true\nExecStop=/bin/false\n");

        var start = _box.Systemctl("start", "job");

        Assert.Equal(1, start.ExitCode);
        Assert.StartsWith("Job for job.service failed because the control process exited with error code.",
            start.Stderr);
        Assert.Equal("failed", _box.Property("job.service", "ActiveState"));
        Assert.Equal("exit-code", _box.Property("job.service", "Result"));
    }

    [Fact]
    public void AForkingServiceWhoseProcessesAllEndedIsInactive()
    {
        _box.Unit("gone.service", "[Service]\nType=forking\nExecStart=/bin/sh -c 'exit 0'\n");

        Assert.Equal(0, _box.Systemctl("start", "gone").ExitCode);

        Assert.Equal("inactive", _box.Property("gone.service", "ActiveState"));
        Assert.Equal("dead", _box.Property("gone.service", "SubState"));
    }

    [Fact]
    public void AnUnknownTypeIsIgnoredWithSystemdsWarningAndRunsAsSimple()
    {
        var path = _box.Root.WriteUnit("odd.service", "[Service]\nType=foo\nExecStart=/bin/sleep 300\n");

        var start = _box.Systemctl("start", "odd");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal($"{path}:2: Failed to parse service type, ignoring: foo\n", start.Stderr);
        Assert.Equal("active", _box.Property("odd.service", "ActiveState"));
    }

    [Fact]
    public void ASimpleServiceWithAMissingExecutableStartsThenFailsWith203WhileTypeExecFailsTheStart()
    {
        _box.Unit("simple.service", "[Service]\nExecStart=/nonexistent/binary\n");
        _box.Unit("exec.service", "[Service]\nType=exec\nExecStart=/nonexistent/binary\n");

        var simple = _box.Systemctl("start", "simple");
        var exec = _box.Systemctl("start", "exec");

        Assert.True(simple.ExitCode == 0, simple.ToString());
        Assert.Equal("failed", _box.Property("simple.service", "ActiveState"));
        Assert.Equal("203", _box.Property("simple.service", "ExecMainStatus"));
        Assert.Equal(1, exec.ExitCode);
        Assert.Equal("failed", _box.Property("exec.service", "ActiveState"));
    }

    [Theory]
    [InlineData("reload-or-restart")]
    [InlineData("reload-or-try-restart")]
    [InlineData("try-restart")]
    public void FailuresOfRestartVerbsNameTheVerbUsed(string verb)
    {
        var result = _box.Systemctl(verb, "nothing");

        Assert.Equal(5, result.ExitCode);
        Assert.Equal($"Failed to {verb} nothing.service: Unit nothing.service not found.\n", result.Stderr);
    }

    [Fact]
    public void AMissingEnvironmentFileFailsWithTheResourcesMessage()
    {
        _box.Unit("env.service", "[Service]\nEnvironmentFile=/nonexistent/env\nExecStart=/bin/sleep 300\n");

        var start = _box.Systemctl("start", "env");

        Assert.Equal(1, start.ExitCode);
        Assert.StartsWith("Job for env.service failed because of unavailable resources or another system error.\n",
            start.Stderr);
        Assert.Equal("resources", _box.Property("env.service", "Result"));
    }

    [Fact]
    public void AStartThatFailsOnABadSettingPointsToTheLogsAndStatus()
    {
        _box.Unit("bad.service", "[Service]\nType=simple\n");

        var start = _box.Systemctl("start", "bad");

        Assert.Equal(1, start.ExitCode);
        Assert.Equal("Failed to start bad.service: Unit bad.service has a bad unit file setting.\n" +
            "See system logs and 'systemctl status bad.service' for details.\n", start.Stderr);
    }

    [Fact]
    public void UnderARootTheSysVScriptFoundThereIsTheOneThatRuns()
    {
        var marker = _box.File("legacy.ran");
        _box.Root.WriteScript("/etc/init.d/legacy", $"#!/bin/sh\n[ \"$1\" = start ] && echo ran > {marker}\nexit 0\n");

        var start = _box.Systemctl("start", "legacy");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.True(File.Exists(marker));
    }

    [Fact]
    public void IsEnabledOfANonExecutableSysVScriptSaysDisabled()
    {
        _box.Root.Write("/etc/init.d/legacy", "#!/bin/sh\nexit 0\n");

        var result = _box.Systemctl("is-enabled", "legacy");

        Assert.Equal(new CommandResult(1, "disabled\n", ""), result);
    }

    [Fact]
    public void ABareTemplateNameIsRefusedByShowAndIsActive()
    {
        _box.Unit("getty@.service", "[Service]\nExecStart=/bin/sleep 300\n");

        var show = _box.Systemctl("show", "getty@.service");
        var active = _box.Systemctl("is-active", "getty@.service");

        Assert.Equal(
            new CommandResult(1, "",
            "Failed to get properties: Unit name getty@.service is neither a valid invocation ID nor unit name.\n"),
            show);
        Assert.Equal(new CommandResult(1, "", ""), active);
    }

    [Fact]
    public void AServiceWithBusNameAndNoTypeIsADbusServiceStartedWhenSpawned()
    {
        _box.Unit("bus.service", "[Service]\nBusName=org.example.Test\nExecStart=/bin/sleep 300\n");

        var start = _box.Systemctl("start", "bus");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("dbus", _box.Property("bus.service", "Type"));
        Assert.Equal("active", _box.Property("bus.service", "ActiveState"));
    }

    [Theory]
    [InlineData("--flush")]
    [InlineData("--smart-relinquish-var")]
    [InlineData("--relinquish-var")]
    [InlineData("--sync")]
    [InlineData("--rotate")]
    public void JournalMaintenanceVerbsThatDistroUnitsRunSucceed(string verb)
    {
        var result = CommandRunner.Run(Published.Journalctl, ["--root=" + _box.Path, verb]);

        Assert.Equal(new CommandResult(0, "", ""), result);
    }
}
