using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>
/// Issue 10: as PID 1, a unit with TimeoutStopSec=0 (no timeout) crashed the init on docker stop, so ExecStop= never
/// ran.
/// </summary>
public sealed class TimeoutTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [InitFact]
    public void SigtermStopsAUnitWithoutStopTimeoutRunningItsExecStopAndExitsZero()
    {
        var marker = _box.File("stopped");
        _box.Unit("redis.service",
            $"[Service]\nExecStart=/bin/sleep 300\nExecStop=/bin/sh -c 'echo stopped > {marker}'\n" +
            "TimeoutStopSec=0\nTimeoutStartSec=infinity\nRestartSec=infinity\nWatchdogSec=0\n[Install]\n"
                + "WantedBy=multi-user.target\n");
        _box.Unit("other.service",
            "[Service]\nExecStart=/bin/sleep 300\nTimeoutStopSec=infinity\n[Install]\nWantedBy=multi-user.target\n");
        Assert.Equal(0, _box.Systemctl("enable", "redis", "other").ExitCode);
        using var init = new InitNamespace(_box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);

        Assert.Equal(0, init.Terminate(TimeSpan.FromSeconds(30)));

        Assert.True(File.Exists(marker), init.Output);
        Assert.DoesNotContain("Exception", init.Output);
    }
}
