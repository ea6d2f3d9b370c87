using System.Diagnostics;
using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>Readiness through sd_notify and the status page.</summary>
public sealed class NotifyAndStatusTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [Fact]
    public void ANotifyServiceIsStartedOnlyOnceItSaysReadyAndItsStatusTextIsKept()
    {
        var notify = Published.SystemdNotify;
        _box.Unit("ready.service",
            $"[Service]\nType=notify\nNotifyAccess=all\n"
            + $"ExecStart=/bin/sh -c 'sleep 0.6; {notify} --ready --status=\"serving requests\"; exec sleep 300'\n");

        var clock = Stopwatch.StartNew();
        var start = _box.Systemctl("start", "ready");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.55), $"returned after {clock.Elapsed}");
        Assert.Equal("serving requests", _box.Property("ready.service", "StatusText"));
        Assert.Equal("active", _box.Property("ready.service", "ActiveState"));
    }

    [Fact]
    public void ANotifyServiceThatNeverSaysReadyTimesOut()
    {
        _box.Unit("mute.service", "[Service]\nType=notify\nExecStart=/bin/sleep 300\nTimeoutStartSec=1\n");

        var start = _box.Systemctl("start", "mute");

        Assert.Equal(1, start.ExitCode);
        Assert.StartsWith("Job for mute.service failed because a timeout was exceeded.", start.Stderr);
        Assert.Equal("timeout", _box.Property("mute.service", "Result"));
    }

    [Fact]
    public void StatusShowsSystemdsLayoutWithTheMainPidAndTheServicesLogLines()
    {
        _box.Unit("talker.service",
            "[Unit]\nDescription=Talks a little\n[Service]\n"
            + "ExecStart=/bin/sh -c 'echo hello-from-talker; exec sleep 300'\n");
        Assert.Equal(0, _box.Systemctl("start", "talker").ExitCode);
        var pid = _box.MainPid("talker.service");

        string output = "";
        var shown = ServiceSandbox.WaitFor(() =>
            (output = _box.Systemctl("status", "talker").Stdout).Contains("hello-from-talker"),
            TimeSpan.FromSeconds(5));

        Assert.True(shown, output);
        Assert.StartsWith(
            "● talker.service - Talks a little\n     Loaded: loaded (/etc/systemd/system/talker.service; static)\n"
            + "     Active: active (running) since ", output);
        Assert.Contains($"   Main PID: {pid} (sleep)\n", output);
        Assert.Equal(0, _box.Systemctl("status", "talker").ExitCode);
        Assert.Equal(0, _box.Systemctl("stop", "talker").ExitCode);
        Assert.Equal(3, _box.Systemctl("status", "talker").ExitCode);
    }

    [Fact]
    public void StatusWithoutAUnitGivesTheManagersOverviewWithEachRunningUnitsProcessesUnderItsSlice()
    {
        _box.Unit("talker.service", "[Service]\nExecStart=/bin/sleep 300\n");
        _box.Unit("broken.service", "[Service]\nExecStart=/bin/false\n");
        Assert.Equal(0, _box.Systemctl("start", "talker").ExitCode);
        _box.Systemctl("start", "broken");
        ServiceSandbox.WaitFor(() => _box.Property("broken.service", "ActiveState") == "failed",
            TimeSpan.FromSeconds(5));
        var pid = _box.MainPid("talker.service");

        var status = _box.Systemctl("status");

        Assert.True(status.ExitCode == 0, status.ToString());
        var lines = status.Stdout.Split('\n');
        Assert.Equal($"× {Environment.MachineName}", lines[0]);
        Assert.Equal("    State: offline", lines[1]);
        Assert.Matches(@"^    Units: \d+ loaded \(incl\. loaded aliases\)$", lines[2]);
        Assert.Equal("     Jobs: 0 queued", lines[3]);
        Assert.Equal("   Failed: 1 units", lines[4]);
        Assert.StartsWith("    Since: ", lines[5]);
        Assert.Contains("   CGroup: /\n           └─system.slice\n             └─talker.service\n"
            + $"               └─{pid} /bin/sleep 300\n", status.Stdout);
    }

    [Fact]
    public void StatusOfAnUnknownUnitExitsFour()
    {
        var status = _box.Systemctl("status", "nope");

        Assert.Equal((4, "Unit nope.service could not be found.\n"), (status.ExitCode, status.Stderr));
    }

    [Fact]
    public void StatusShowsTheControlCommandsAsProcessLinesAndHowLongAStoppedServiceRan()
    {
        _box.Unit("steps.service",
            "[Service]\nExecStartPre=/bin/true\nExecStart=/bin/sleep 300\nExecStop=/bin/sh -c 'exit 0'\n");
        Assert.Equal(0, _box.Systemctl("start", "steps").ExitCode);

        var running = _box.Systemctl("status", "steps").Stdout;
        Assert.Matches(
            @"\n    Process: \d+ ExecStartPre=/bin/true \(code=exited, status=0/SUCCESS\)\n"
            + @"   Main PID: \d+ \(sleep\)\n", running);
        Assert.DoesNotContain("Duration:", running);

        Assert.Equal(0, _box.Systemctl("stop", "steps").ExitCode);

        var stopped = _box.Systemctl("status", "steps").Stdout;
        Assert.Matches(@"\n     Active: inactive \(dead\) since [^\n]+\n   Duration: \d+(\.\d{3})?(ms|s)\n", stopped);
        Assert.Matches(@"\n    Process: \d+ ExecStartPre=/bin/true \(code=exited, status=0/SUCCESS\)\n", stopped);
        Assert.Matches(@"\n    Process: \d+ ExecStop=/bin/sh -c exit 0 \(code=exited, status=0/SUCCESS\)\n", stopped);
    }
}
