using System.Diagnostics;
using Platform.Abstractions;
using Platform.Exec;
using Platform.ServiceTypes.Tests.Support;
using Platform.TestSupport;

namespace Platform.ServiceTypes.Tests;

public sealed class ProcessKillerTests(ITestOutputHelper output) : IDisposable
{
    private readonly ProcessTracker _tracker = new();
    private readonly TempRoot _root = new();

    public void Dispose()
    {
        _tracker.Dispose();
        _root.Dispose();
    }

    private static readonly KillSettings Quick = new() { StopTimeout = TimeSpan.FromMilliseconds(500),
        FinalTimeout = TimeSpan.FromSeconds(5) };

    /// <summary>
    /// Starts a shell service and waits until it created <c>ready</c> in its working directory (so traps are set).
    /// </summary>
    private ChildProcess Start(string script)
    {
        File.Delete(_root.Combine("ready"));
        var child = _tracker.Track(TestHelper.Spawner.Spawn(new SpawnRequest
        {
            Path = "/bin/sh", Arguments = ["sh", "-c", script], WorkingDirectory = _root.Path,
        }));
        Assert.True(ProcStatus.WaitFor(() => File.Exists(_root.Combine("ready")), TimeSpan.FromSeconds(10)),
            "service never got ready");
        return child;
    }

    /// <summary>
    /// The process of <paramref name="main"/>'s session whose command line contains <paramref name="marker"/>.
    /// </summary>
    private static int OtherInSession(ChildProcess main, string marker = "301")
    {
        int other = 0;
        Assert.True(ProcStatus.WaitFor(() =>
            (other = ProcFs.InSession(main.Pid).Find(p =>
            p != main.Pid && ProcStatus.CommandLine(p).Contains(marker))) > 0,
            TimeSpan.FromSeconds(10)), "no process with " + marker);
        return other;
    }

    /// <summary>A process left behind in the session, no longer a descendant of the main process.</summary>
    private const string Orphan = "(sleep 301 &); ";

    [Fact]
    public async Task TermIgnoringProcessGetsSigkillAfterTheStopTimeout()
    {
        var main = Start("trap '' TERM; touch ready; while :; do sleep 0.05; done");
        var watch = Stopwatch.StartNew();
        var outcome = await ProcessKiller.StopAsync(new KillTarget(main.Pid, main.StartTime, [main.Pid]), Quick);
        Assert.Equal(KillResult.Killed, outcome.Result);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(450), $"escalated after {watch.Elapsed}");
        Assert.Equal(ProcessExit.FromSignal(9), await main.Exited.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains(main.Pid, outcome.Signalled);
        Assert.Empty(outcome.Survivors);
    }

    [Fact]
    public async Task CooperativeProcessExitsOnKillSignalWithoutEscalation()
    {
        var main = Start("touch ready; exec sleep 300");
        var watch = Stopwatch.StartNew();
        var outcome = await ProcessKiller.StopAsync(new KillTarget(main.Pid, main.StartTime),
            KillSettings.FromUnit(TestUnits.Service()) with { StopTimeout = TimeSpan.FromSeconds(10) });
        output.WriteLine($"SIGTERM to gone: {watch.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Equal(KillResult.Exited, outcome.Result);
        Assert.Equal(ProcessExit.FromSignal(15), await main.Exited);
    }

    [Fact]
    public async Task ControlGroupModeKillsAnOrphanLeftInTheSession()
    {
        var main = Start(Orphan + "touch ready; exec sleep 300");
        var orphan = OtherInSession(main);
        Assert.NotEqual(main.Pid, ProcFs.ParentPid(orphan));
        var outcome = await ProcessKiller.StopAsync(new KillTarget(main.Pid, main.StartTime, [main.Pid]), Quick);
        Assert.Equal(KillResult.Exited, outcome.Result);
        Assert.Contains(orphan, outcome.Signalled);
        Assert.False(ProcFs.IsAlive(orphan));
    }

    [Fact]
    public async Task ControlGroupModeFindsTheSessionFromALeadingMainProcessAlone()
    {
        var main = Start(Orphan + "touch ready; exec sleep 300");
        var orphan = OtherInSession(main);
        var outcome = await ProcessKiller.StopAsync(new KillTarget(main.Pid), Quick);
        Assert.Equal(KillResult.Exited, outcome.Result);
        Assert.False(ProcFs.IsAlive(orphan));
    }

    [Fact]
    public async Task MixedModeSendsKillSignalToMainOnlyThenSigkillsTheRest()
    {
        var main = Start("sh -c \"trap 'touch got-term' TERM; while :; do sleep 0.05; done\" & "
            + "trap 'exit 0' TERM; touch ready; while :; do sleep 0.05; done");
        var rest = OtherInSession(main, "got-term");
        var outcome = await ProcessKiller.StopAsync(new KillTarget(main.Pid, main.StartTime, [main.Pid]),
            Quick with { Mode = KillMode.Mixed, StopTimeout = TimeSpan.FromSeconds(10) });
        Assert.Equal(KillResult.Exited, outcome.Result);
        Assert.Equal(ProcessExit.FromExitStatus(0), await main.Exited);
        Assert.False(ProcFs.IsAlive(rest));
        Assert.False(File.Exists(_root.Combine("got-term")), "the rest must not see KillSignal in mixed mode");
    }

    [Fact]
    public async Task ProcessModeLeavesTheOtherProcessesAlone()
    {
        var main = Start(Orphan + "touch ready; exec sleep 300");
        var orphan = OtherInSession(main);
        var outcome = await ProcessKiller.StopAsync(new KillTarget(main.Pid, main.StartTime, [main.Pid]),
            Quick with { Mode = KillMode.Process });
        Assert.Equal(KillResult.Exited, outcome.Result);
        Assert.Equal([main.Pid], outcome.Signalled);
        Assert.True(ProcFs.IsAlive(orphan));
    }

    [Fact]
    public async Task NoSigkillLeavesSurvivorsAndSaysSo()
    {
        var main = Start("trap '' TERM; touch ready; while :; do sleep 0.05; done");
        var outcome = await ProcessKiller.StopAsync(new KillTarget(main.Pid, main.StartTime, [main.Pid]),
            Quick with { SendSigkill = false, StopTimeout = TimeSpan.FromMilliseconds(200) });
        Assert.Equal(KillResult.StillAlive, outcome.Result);
        Assert.Contains(main.Pid, outcome.Survivors);
        Assert.True(ProcFs.IsAlive(main.Pid));
    }

    [Fact]
    public async Task SendSighupFollowsTheKillSignal()
    {
        var main = Start("trap 'echo hup >> log' HUP; trap 'echo term >> log' TERM; touch ready; "
            + "until grep -q hup log 2>/dev/null && grep -q term log; do sleep 0.05; done; exit 0");
        var outcome = await ProcessKiller.StopAsync(new KillTarget(main.Pid, main.StartTime),
            Quick with { SendSighup = true, StopTimeout = TimeSpan.FromSeconds(10) });
        Assert.Equal(KillResult.Exited, outcome.Result);
        Assert.Equal(ProcessExit.FromExitStatus(0), await main.Exited);
    }

    [Fact]
    public async Task NothingToKillWhenTheMainProcessIsGoneOrReused()
    {
        var main = Start("touch ready; exit 0");
        await main.Exited;
        Assert.Equal(KillResult.NothingToKill, (await ProcessKiller.StopAsync(new KillTarget(main.Pid, main.StartTime),
            Quick)).Result);
        var live = Start("touch ready; exec sleep 300");
        var wrongStart = new KillTarget(live.Pid, live.StartTime + 1);
        Assert.Equal(KillResult.NothingToKill, (await ProcessKiller.StopAsync(wrongStart,
            Quick with { Mode = KillMode.Process })).Result);
        Assert.True(ProcFs.IsAlive(live.Pid));
    }
}
