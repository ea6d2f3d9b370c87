using System.Text.RegularExpressions;
using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>
/// list-jobs: no queue without a daemon, but a unit being started, stopped or reloaded is a running job.
/// </summary>
public sealed class ListJobsTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [Fact]
    public void WithNothingInProgressItSaysNoJobsRunning()
    {
        _box.Unit("idle.service", "[Service]\nExecStart=/bin/sleep 300\n");

        var list = _box.Systemctl("list-jobs");
        var quiet = _box.Systemctl("list-jobs", "--no-legend");

        Assert.Equal((0, "No jobs running.\n"), (list.ExitCode, list.Stdout));
        Assert.Equal((0, ""), (quiet.ExitCode, quiet.Stdout));
    }

    [Fact]
    public void ANotifyServiceHeldActivatingIsARunningStartJobUntilItIsReady()
    {
        var gate = _box.File("gate");
        _box.Unit("slow.service", "[Service]\nType=notify\nNotifyAccess=all\n" +
            $"ExecStart=/bin/sh -c 'while [ ! -e {gate} ]; do sleep 0.05; done; {Published.SystemdNotify} --ready; "
                + $"exec sleep 300'\n");
        Assert.Equal(0, _box.Systemctl("start", "--no-block", "slow").ExitCode);
        Assert.True(ServiceSandbox.WaitFor(() => _box.Property("slow.service", "ActiveState") == "activating",
            TimeSpan.FromSeconds(10)));

        var list = _box.Systemctl("list-jobs");
        var again = _box.Systemctl("list-jobs", "--no-legend");
        var filtered = _box.Systemctl("list-jobs", "other*");

        Assert.Equal(0, list.ExitCode);
        var match = Regex.Match(list.Stdout,
            @"^JOB   UNIT         TYPE  STATE\n(\d{5}) slow\.service start running\n\n1 jobs listed\.\n$");
        Assert.True(match.Success, list.Stdout);
        var id = match.Groups[1].Value;
        Assert.Equal($"{id} slow.service start running\n", again.Stdout);
        Assert.Equal(id, _box.Property("slow.service", "Job"));
        Assert.Equal("No jobs listed.\n", filtered.Stdout);

        File.WriteAllText(gate, "");
        Assert.True(ServiceSandbox.WaitFor(() => _box.Property("slow.service", "ActiveState") == "active",
            TimeSpan.FromSeconds(10)));
        Assert.Equal("No jobs running.\n", _box.Systemctl("list-jobs").Stdout);
        Assert.Equal("", _box.Property("slow.service", "Job"));
    }

    [Fact]
    public void AStopWaitingForItsExecStopIsARunningStopJob()
    {
        var gate = _box.File("gate");
        _box.Unit("held.service",
            $"[Service]\nExecStart=/bin/sleep 300\nExecStop=/bin/sh -c 'while [ ! -e {gate} ]; do sleep 0.05; done'\n");
        Assert.Equal(0, _box.Systemctl("start", "held").ExitCode);

        Assert.Equal(0, _box.Systemctl("stop", "--no-block", "held").ExitCode);
        Assert.True(ServiceSandbox.WaitFor(() => _box.Property("held.service", "ActiveState") == "deactivating",
            TimeSpan.FromSeconds(10)));

        var list = _box.Systemctl("list-jobs", "held*");
        Assert.Matches(@"^JOB   UNIT         TYPE STATE\n\d{5} held\.service stop running\n\n1 jobs listed\.\n$",
            list.Stdout);

        File.WriteAllText(gate, "");
        Assert.True(ServiceSandbox.WaitFor(() => _box.Property("held.service", "ActiveState") == "inactive",
            TimeSpan.FromSeconds(10)));
        Assert.Equal("No jobs running.\n", _box.Systemctl("list-jobs").Stdout);
    }
}
