using System.Globalization;
using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>Booting the default target as PID 1, and the clean halt on SIGTERM.</summary>
public sealed class BootAndShutdownTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    private void Service(string name, string unitSection, string log, double startSeconds = 0.3)
    {
        var sleep = startSeconds.ToString(CultureInfo.InvariantCulture);
        _box.Unit(name + ".service", $"[Unit]\n{unitSection}\n[Service]\nType=notify\nNotifyAccess=all\n" +
            $"ExecStart=/bin/sh -c 'echo start {name} $(date +%%s%%3N) >> {log}; sleep {sleep}; {Published.SystemdNotify} --ready; exec sleep 300'\n" +
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
        foreach (var name in new[] { "one", "two", "three" }) Service(name, "", log, startSeconds: 1.0);
        using var init = new InitNamespace(_box);

        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);

        var starts = File.ReadAllLines(log).Select(l => long.Parse(l.Split(' ')[2], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, starts.Count);
        Assert.True(starts.Max() - starts.Min() < 900, $"starts spread over {starts.Max() - starts.Min()} ms: not parallel");
    }

    [InitFact]
    public void OrphansOfServicesAreReapedAndLeaveNoZombies()
    {
        // The service's child forks a grandchild and exits: the grandchild is orphaned and later exits too.
        _box.Unit("forker.service", "[Service]\nExecStart=/bin/sh -c '(sleep 0.3 &); exec sleep 300'\n[Install]\nWantedBy=multi-user.target\n");
        Assert.Equal(0, _box.Systemctl("enable", "forker").ExitCode);
        using var init = new InitNamespace(_box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);

        Thread.Sleep(1500);

        var ps = init.Exec("ps", "-eo", "pid,stat,comm");
        Assert.DoesNotContain(ps.Stdout.Split('\n').Skip(1), l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var stat, ..] && stat.StartsWith('Z'));
        Assert.Contains("sleep", ps.Stdout);
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
        _box.Unit("bad.service", "[Service]\nType=oneshot\nExecStart=/bin/false\n[Install]\nWantedBy=multi-user.target\n");
        Assert.Equal(0, _box.Systemctl("enable", "bad").ExitCode);
        using var init = new InitNamespace(_box);

        Assert.True(init.WaitForState("degraded", TimeSpan.FromSeconds(20)), init.Output);
        Assert.Equal(1, init.Systemctl("is-system-running").ExitCode);
    }
}
