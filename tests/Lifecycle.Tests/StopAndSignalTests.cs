using System.Diagnostics;
using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>Stopping, killing, reloading and the control commands around them.</summary>
public sealed class StopAndSignalTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [Fact]
    public void StopSendsKillSignalThenSigkillAfterTimeout()
    {
        _box.Unit("stubborn.service",
            "[Service]\nExecStart=/bin/sh -c 'trap \"\" TERM; while :; do sleep 0.2; done'\nTimeoutStopSec=1\n");
        Assert.Equal(0, _box.Systemctl("start", "stubborn").ExitCode);
        var pid = _box.MainPid("stubborn.service");

        var clock = Stopwatch.StartNew();
        var stop = _box.Systemctl("stop", "stubborn");

        Assert.Equal(0, stop.ExitCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"stopped after {clock.Elapsed}");
        Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z "));
        Assert.Equal(("failed", "timeout"), (_box.Property("stubborn.service", "ActiveState"),
            _box.Property("stubborn.service", "Result")));
    }

    [Fact]
    public void StopOfAUnitWithTimeoutStopSecZeroWaitsWithoutLimitInsteadOfFailing()
    {
        // redis-server.service as Debian ships it: TimeoutStopSec=0 means no stop timeout.
        _box.Unit("nolimit.service",
            "[Service]\nExecStart=/bin/sleep 300\nExecStop=/bin/true\nExecStopPost=/bin/true\nTimeoutStopSec=0\n");
        Assert.Equal(0, _box.Systemctl("start", "nolimit").ExitCode);

        var stop = _box.Systemctl("stop", "nolimit");

        Assert.Equal((0, ""), (stop.ExitCode, stop.Stderr));
        Assert.Equal(("inactive", "success"), (_box.Property("nolimit.service", "ActiveState"),
            _box.Property("nolimit.service", "Result")));
    }

    [Fact]
    public void ExecStopRunsWithTheMainPidAndExecStopPostAfterTheKill()
    {
        var log = _box.File("log");
        _box.Unit("polite.service",
            $"[Service]\nExecStart=/bin/sleep 300\nExecStop=/bin/sh -c 'echo stop $MAINPID >> {log}'\n"
            + $"ExecStopPost=/bin/sh -c 'echo post >> {log}'\n");
        Assert.Equal(0, _box.Systemctl("start", "polite").ExitCode);
        var pid = _box.MainPid("polite.service");

        Assert.Equal(0, _box.Systemctl("stop", "polite").ExitCode);

        Assert.Equal($"stop {pid}\npost\n", File.ReadAllText(log));
    }

    [Fact]
    public void KillSendsTheSignalToTheMainProcess()
    {
        var log = _box.File("got");
        _box.Unit("catcher.service",
            $"[Service]\nExecStart=/bin/sh -c 'trap \"echo usr1 >> {log}\" USR1; while :; do sleep 0.1; done'\n");
        Assert.Equal(0, _box.Systemctl("start", "catcher").ExitCode);

        Assert.Equal(0, _box.Systemctl("kill", "-s", "SIGUSR1", "--kill-whom=main", "catcher").ExitCode);

        Assert.True(ServiceSandbox.WaitFor(() => File.Exists(log) && File.ReadAllText(log) == "usr1\n",
            TimeSpan.FromSeconds(5)));
        Assert.Equal("active", _box.Property("catcher.service", "ActiveState"));
    }

    [Fact]
    public void KillSendsRealTimeSignalsByNameAndByNumber()
    {
        // SIGRTMIN+3 is 37 with glibc; dash's trap takes the number.
        var log = _box.File("got");
        _box.Unit("rt.service",
            $"[Service]\nExecStart=/bin/sh -c 'trap \"echo rt >> {log}\" 37; while :; do sleep 0.1; done'\n");
        Assert.Equal(0, _box.Systemctl("start", "rt").ExitCode);
        string[][] forms = [["-s", "RTMIN+3"], ["--signal=SIGRTMIN+3"], ["-s", "37"]];

        for (var i = 0; i < forms.Length; i++)
        {
            var kill = _box.Systemctl(["kill", .. forms[i], "--kill-whom=main", "rt"]);
            Assert.True(kill.ExitCode == 0, kill.ToString());
            var expected = string.Concat(Enumerable.Repeat("rt\n", i + 1));
            Assert.True(ServiceSandbox.WaitFor(() => File.Exists(log) && File.ReadAllText(log) == expected,
                TimeSpan.FromSeconds(5)),
                $"after {string.Join(' ', forms[i])}: {(File.Exists(log) ? File.ReadAllText(log) : "nothing")}");
        }
        Assert.Equal("active", _box.Property("rt.service", "ActiveState"));
    }

    [Fact]
    public void ReloadRunsExecReloadWithTheMainPidAndKeepsTheUnitActive()
    {
        var log = _box.File("reloaded");
        _box.Unit("conf.service",
            $"[Service]\nExecStart=/bin/sleep 300\nExecReload=/bin/sh -c 'echo $MAINPID > {log}'\n");
        Assert.Equal(0, _box.Systemctl("start", "conf").ExitCode);

        Assert.Equal(0, _box.Systemctl("reload", "conf").ExitCode);

        Assert.Equal(_box.MainPid("conf.service") + "\n", File.ReadAllText(log));
        Assert.Equal("active", _box.Property("conf.service", "ActiveState"));
    }

    [Fact]
    public void ReloadOfAUnitWithoutExecReloadIsNotApplicableAndExits3()
    {
        _box.Unit("plain.service", "[Service]\nExecStart=/bin/sleep 300\n");
        Assert.Equal(0, _box.Systemctl("start", "plain").ExitCode);

        var reload = _box.Systemctl("reload", "plain");

        // EXIT_NOTIMPLEMENTED, systemctl's answer to BUS_ERROR_JOB_TYPE_NOT_APPLICABLE.
        Assert.Equal(3, reload.ExitCode);
        Assert.Equal("Failed to reload plain.service: Job type reload is not applicable for unit plain.service.\n",
            reload.Stderr);
    }

    [Fact]
    public void RuntimeDirectoryIsCreatedBeforeTheStartAndRemovedOnStop()
    {
        _box.Unit("rt.service",
            "[Service]\nExecStart=/bin/sleep 300\nRuntimeDirectory=rt-demo\nRuntimeDirectoryMode=0750\n");

        Assert.Equal(0, _box.Systemctl("start", "rt").ExitCode);
        var dir = _box.Root.Combine("/run/rt-demo");
        Assert.True(Directory.Exists(dir));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute,
            File.GetUnixFileMode(dir));

        Assert.Equal(0, _box.Systemctl("stop", "rt").ExitCode);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void ResetFailedReturnsAFailedUnitToInactive()
    {
        _box.Unit("fails.service", "[Service]\nType=oneshot\nExecStart=/bin/false\n");
        _box.Systemctl("start", "fails");
        Assert.Equal("failed", _box.Property("fails.service", "ActiveState"));

        Assert.Equal(0, _box.Systemctl("reset-failed", "fails").ExitCode);

        Assert.Equal("inactive", _box.Property("fails.service", "ActiveState"));
    }

    [Fact]
    public void CleanRemovesTheStateAndCacheFoldersOfAStoppedUnitOnlyWhenAsked()
    {
        _box.Unit("data.service",
            "[Service]\nExecStart=/bin/sleep 300\nStateDirectory=data-demo\nCacheDirectory=data-demo\n");
        Assert.Equal(0, _box.Systemctl("start", "data").ExitCode);
        var state = _box.Root.Combine("/var/lib/data-demo");
        var cache = _box.Root.Combine("/var/cache/data-demo");
        Assert.True(Directory.Exists(state) && Directory.Exists(cache));

        var whileRunning = _box.Systemctl("clean", "data");
        Assert.Equal(1, whileRunning.ExitCode);
        Assert.Equal(0, _box.Systemctl("stop", "data").ExitCode);
        Assert.Equal(0, _box.Systemctl("clean", "data").ExitCode);

        Assert.False(Directory.Exists(cache));
        Assert.True(Directory.Exists(state));
        Assert.Equal(0, _box.Systemctl("clean", "--what=state", "data").ExitCode);
        Assert.False(Directory.Exists(state));
    }

    [Fact]
    public void KillOfAllProcessesReachesTheChildrenOfTheMainProcessToo()
    {
        _box.Unit("family.service", "[Service]\nExecStart=/bin/sh -c 'sleep 300 & sleep 300 & wait'\n");
        Assert.Equal(0, _box.Systemctl("start", "family").ExitCode);
        var main = _box.MainPid("family.service");
        Assert.True(ServiceSandbox.WaitFor(() => Children(main).Count == 2, TimeSpan.FromSeconds(5)));
        var children = Children(main);

        Assert.Equal(0, _box.Systemctl("kill", "--kill-whom=all", "-s", "KILL", "family").ExitCode);

        Assert.True(ServiceSandbox.WaitFor(() => children.All(Gone), TimeSpan.FromSeconds(5)));
    }

    private static List<int> Children(int pid)
        => File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(int.Parse).ToList();

    private static bool Gone(int pid) =>
        !Directory.Exists($"/proc/{pid}") || File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");
}
