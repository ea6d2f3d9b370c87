using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>
/// What init does while services run: restarts, start limits, watchdog, late notify messages, BindsTo.
/// </summary>
public sealed class SupervisionTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    private void Enable(string name, string content)
    {
        _box.Unit(name, content + "\n[Install]\nWantedBy=multi-user.target\n");
        Assert.Equal(0, _box.Systemctl("enable", name).ExitCode);
    }

    [InitFact]
    public void AKilledServiceIsRestartedWithANewMainPid()
    {
        Enable("keep.service", "[Service]\nExecStart=/bin/sleep 300\nRestart=on-failure\nRestartSec=0.2");
        using var init = new InitNamespace(_box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);
        var first = init.Property("keep.service", "MainPID");

        init.Exec("kill", "-9", first);

        Assert.True(ServiceSandbox.WaitFor(() => init.Property("keep.service", "NRestarts") == "1"
            && init.Property("keep.service", "ActiveState") == "active", TimeSpan.FromSeconds(10)), init.Output);
        Assert.NotEqual(first, init.Property("keep.service", "MainPID"));
    }

    [InitFact]
    public void RestartOnFailureStopsAtTheStartLimitWithResultStartLimitHit()
    {
        Enable("crash.service",
            "[Unit]\nStartLimitIntervalSec=30\nStartLimitBurst=3\n[Service]\nExecStart=/bin/sh -c 'sleep 0.2; exit 3'\n"
            + "Restart=on-failure\nRestartSec=0.1");
        using var init = new InitNamespace(_box);

        Assert.True(ServiceSandbox.WaitFor(() => init.Property("crash.service", "Result") == "start-limit-hit",
            TimeSpan.FromSeconds(20)), init.Output);

        Assert.Equal("failed", init.Property("crash.service", "ActiveState"));
        Assert.Equal("3", init.Property("crash.service", "NRestarts"));
        Assert.Equal("3", init.Property("crash.service", "ExecMainStatus"));
    }

    [InitFact]
    public void RestartPreventExitStatusKeepsAServiceDown()
    {
        Enable("done.service",
            "[Service]\nExecStart=/bin/sh -c 'sleep 0.2; exit 4'\nRestart=always\nRestartSec=0.1\n"
            + "RestartPreventExitStatus=4");
        using var init = new InitNamespace(_box);

        Assert.True(ServiceSandbox.WaitFor(() => init.Property("done.service", "ActiveState") == "failed",
            TimeSpan.FromSeconds(10)), init.Output);
        Assert.False(ServiceSandbox.WaitFor(() => init.Property("done.service", "NRestarts") != "0",
            TimeSpan.FromSeconds(0.5)),
            "restarted despite RestartPreventExitStatus=4");
    }

    [InitFact]
    public void AServiceThatStopsPingingTheWatchdogIsKilledWithResultWatchdog()
    {
        Enable("dog.service",
            $"[Service]\nType=notify\nNotifyAccess=all\nWatchdogSec=1\n"
            + $"ExecStart=/bin/sh -c '{Published.SystemdNotify} --ready; exec sleep 300'");
        using var init = new InitNamespace(_box);
        Assert.True(ServiceSandbox.WaitFor(() => init.Property("dog.service", "ActiveState") == "active",
            TimeSpan.FromSeconds(10)), init.Output);

        Assert.True(ServiceSandbox.WaitFor(() => init.Property("dog.service", "Result") == "watchdog",
            TimeSpan.FromSeconds(10)), init.Output);

        Assert.Equal("failed", init.Property("dog.service", "ActiveState"));
    }

    [InitFact]
    public void AStatusSentLongAfterReadinessShowsInStatus()
    {
        Enable("late.service",
            $"[Service]\nType=notify\nNotifyAccess=all\n"
            + $"ExecStart=/bin/sh -c '{Published.SystemdNotify} --ready --status=starting; sleep 1.5; "
            + $"{Published.SystemdNotify} --status=\"late news\"; exec sleep 300'");
        using var init = new InitNamespace(_box);

        Assert.True(ServiceSandbox.WaitFor(() =>
            init.Systemctl("status", "late.service").Stdout.Contains("     Status: \"late news\""),
            TimeSpan.FromSeconds(10)),
            init.Systemctl("status", "late.service").Stdout + init.Output);
    }

    [InitFact]
    public void AUnitBoundToAFailingUnitStopsWithIt()
    {
        Enable("keytab.service", "[Service]\nExecStart=/bin/sleep 300");
        Enable("ldap.service",
            "[Unit]\nBindsTo=keytab.service\nAfter=keytab.service\n[Service]\nExecStart=/bin/sleep 300");
        using var init = new InitNamespace(_box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);

        init.Exec("kill", "-9", init.Property("keytab.service", "MainPID"));

        Assert.True(ServiceSandbox.WaitFor(() => init.Property("ldap.service", "ActiveState") == "inactive",
            TimeSpan.FromSeconds(10)), init.Output);
        Assert.Equal("failed", init.Property("keytab.service", "ActiveState"));
    }

    [InitFact]
    public void AServiceStartedFromAnotherShellIsWatchedAndRestartedToo()
    {
        _box.Unit("later.service", "[Service]\nExecStart=/bin/sleep 300\nRestart=always\nRestartSec=0.1\n");
        using var init = new InitNamespace(_box, "init", "multi-user.target");
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);

        Assert.Equal(0, init.Systemctl("start", "later").ExitCode);
        init.Exec("kill", "-9", init.Property("later.service", "MainPID"));

        Assert.True(ServiceSandbox.WaitFor(() => init.Property("later.service", "NRestarts") == "1"
            && init.Property("later.service", "ActiveState") == "active", TimeSpan.FromSeconds(10)), init.Output);
    }

    [InitFact]
    public void ANotifyServiceThatFailsBeforeReadyIsRestartedAndShowsAutoRestartWhileItWaits()
    {
        var tries = _box.File("tries");
        Enable("flaky.service", "[Service]\nType=notify\nNotifyAccess=all\nRestart=on-failure\nRestartSec=2\n" +
            $"ExecStart=/bin/sh -c 'echo x >> {tries}; [ $(wc -l < {tries}) -ge 2 ] || exit 1; "
                + $"{Published.SystemdNotify} --ready; exec sleep 300'");
        using var init = new InitNamespace(_box);

        Assert.True(ServiceSandbox.WaitFor(() => init.Property("flaky.service", "SubState") == "auto-restart",
            TimeSpan.FromSeconds(20)), init.Output);
        Assert.Equal("activating", init.Property("flaky.service", "ActiveState"));
        Assert.Equal(3, init.Systemctl("is-active", "flaky").ExitCode);

        Assert.True(ServiceSandbox.WaitFor(() => init.Property("flaky.service", "ActiveState") == "active",
            TimeSpan.FromSeconds(20)), init.Output);
        Assert.Equal("1", init.Property("flaky.service", "NRestarts"));
    }

    [InitFact]
    public void AStartSomeoneAsksForResetsTheRestartCounter()
    {
        Enable("keep.service", "[Service]\nExecStart=/bin/sleep 300\nRestart=always\nRestartSec=0.2");
        using var init = new InitNamespace(_box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);
        init.Exec("kill", "-9", init.Property("keep.service", "MainPID"));
        Assert.True(ServiceSandbox.WaitFor(() => init.Property("keep.service", "NRestarts") == "1"
            && init.Property("keep.service", "ActiveState") == "active", TimeSpan.FromSeconds(10)), init.Output);

        Assert.Equal(0, init.Systemctl("restart", "keep").ExitCode);

        Assert.Equal("0", init.Property("keep.service", "NRestarts"));
    }

    [InitFact]
    public void IsSystemRunningFollowsAFailedStartFromAShellAndItsReset()
    {
        Enable("fine.service", "[Service]\nExecStart=/bin/sleep 300");
        _box.Unit("broken.service", "[Service]\nType=oneshot\nExecStart=/bin/false\n");
        using var init = new InitNamespace(_box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);

        Assert.Equal(1, init.Systemctl("start", "broken").ExitCode);
        Assert.Equal("degraded", init.Systemctl("is-system-running").Stdout.Trim());

        Assert.Equal(0, init.Systemctl("reset-failed", "broken").ExitCode);
        Assert.Equal("running", init.Systemctl("is-system-running").Stdout.Trim());
    }
}
