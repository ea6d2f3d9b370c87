using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>Booting the default target as PID 1, and the clean halt on SIGTERM.</summary>
public sealed class BootAndShutdownTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    /// <summary>
    /// A notify service that logs its start, then waits (<paramref name="waitBeforeReady"/>) and reports ready.
    /// </summary>
    private void Service(string name, string unitSection, string log, string waitBeforeReady = "sleep 0.3")
    {
        _box.Unit(name + ".service", $"[Unit]\n{unitSection}\n[Service]\nType=notify\nNotifyAccess=all\n" +
            $"ExecStart=/bin/sh -c 'echo start {name} >> {log}; {waitBeforeReady}; {Published.SystemdNotify} --ready; "
                + $"exec sleep 300'\n" +
            $"ExecStop=/bin/sh -c 'echo stop {name} >> {log}'\n[Install]\nWantedBy=multi-user.target\n");
        Assert.Equal(0, _box.Systemctl("enable", name).ExitCode);
    }

    [InitFact]
    public void Pid1StartsTheDefaultTargetInOrderThenStopsInReverseOrderOnSigterm()
    {
        var log = _box.File("order");
        Service("db", "", log);
        Service("app", "Requires=db.service\nAfter=db.service", log);
        Service("web", "Requires=app.service\nAfter=app.service", log);
        using var init = new InitNamespace(_box);

        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);
        foreach (var unit in new[] { "db", "app", "web" })
            Assert.Equal("active", init.Property(unit + ".service", "ActiveState"));
        Assert.Equal(0, init.Systemctl("is-system-running").ExitCode);
        Assert.True(Directory.Exists(_box.Root.Combine("/run/systemd/system")));

        Assert.Equal(0, init.Terminate(TimeSpan.FromSeconds(30)));

        var lines = File.ReadAllLines(log);
        Assert.Equal(["start db", "start app", "start web", "stop web", "stop app", "stop db"],
            lines.Select(l => string.Join(' ', l.Split(' ').Take(2))).ToArray());
        Assert.False(Directory.Exists(_box.Root.Combine("/run/systemd/system")));
    }

    [InitFact]
    public void IndependentUnitsBootInParallel()
    {
        var log = _box.File("order");
        // Each reports ready only once all three have started: a boot that starts them one after another never gets
        // there.
        foreach (var name in new[] { "one", "two", "three" })
            Service(name, "", log, $"until [ $(wc -l < {log}) -ge 3 ]; do sleep 0.05; done");
        using var init = new InitNamespace(_box);

        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(30)), "not started in parallel: " + init.Output);
        Assert.Equal(3, File.ReadAllLines(log).Length);
    }

    private static bool IsZombie(string psLine)
        => psLine.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var stat, ..] && stat.StartsWith('Z');

    [InitFact]
    public void OrphansOfServicesAreReapedAndLeaveNoZombies()
    {
        // The service's child forks a grandchild and exits: the grandchild is orphaned and later exits too.
        _box.Unit("forker.service",
            "[Service]\nExecStart=/bin/sh -c '(sleep 0.3 &); exec sleep 300'\n[Install]\nWantedBy=multi-user.target\n");
        Assert.Equal(0, _box.Systemctl("enable", "forker").ExitCode);
        using var init = new InitNamespace(_box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);

        // Done once the orphan (sleep 0.3) has exited and no zombie is left: its parent is gone, so only PID 1 reaps
        // it.
        var ps = "";
        Assert.True(ServiceSandbox.WaitFor(() =>
        {
            ps = init.Exec("ps", "-eo", "pid,stat,args").Stdout;
            return !ps.Contains("sleep 0.3", StringComparison.Ordinal) && !ps.Split('\n').Skip(1).Any(IsZombie);
        }, TimeSpan.FromSeconds(15)), ps);
        Assert.Contains("sleep 300", ps);
    }

    [InitFact]
    public void IsSystemRunningSaysOfflineWithoutAnInit()
    {
        var result = _box.Systemctl("is-system-running");

        Assert.Equal((1, "offline\n"), (result.ExitCode, result.Stdout));
    }

    [InitFact]
    public void AFailedUnitMakesTheSystemDegraded()
    {
        _box.Unit("bad.service",
            "[Service]\nType=oneshot\nExecStart=/bin/false\n[Install]\nWantedBy=multi-user.target\n");
        Assert.Equal(0, _box.Systemctl("enable", "bad").ExitCode);
        using var init = new InitNamespace(_box);

        Assert.True(init.WaitForState("degraded", TimeSpan.FromSeconds(20)), init.Output);
        Assert.Equal(1, init.Systemctl("is-system-running").ExitCode);
    }
}
