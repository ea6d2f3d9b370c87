using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>
/// Every form of a time setting reaches stop and show without an overflow (issue 10: Debian's redis unit has
/// TimeoutStopSec=0).
/// </summary>
public sealed class TimeSettingTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [Theory]
    [InlineData("0", "infinity")]
    [InlineData("infinity", "infinity")]
    // Unset or unparsable: the manager's DefaultTimeoutStopSec= applies (the sandbox configures 5 s).
    [InlineData("", "5s")]
    [InlineData("garbage", "5s")]
    [InlineData("5min 20s", "5min 20s")]
    [InlineData("2d", "2d")]
    [InlineData("1y", "1y")]
    public void ServiceThatExitsOnSigtermStopsCleanlyWhateverItsTimeoutStopSec(string value, string shown)
    {
        _box.Unit("svc.service", $"[Service]\nExecStart=/bin/sleep 300\nTimeoutStopSec={value}\n");
        Assert.Equal(0, _box.Systemctl("start", "svc").ExitCode);
        Assert.Equal("active", _box.Property("svc.service", "ActiveState"));
        Assert.Equal(shown, _box.Property("svc.service", "TimeoutStopUSec"));

        var stop = _box.Systemctl("stop", "svc");

        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.DoesNotContain("Exception", stop.Stderr);
        Assert.Equal("inactive", _box.Systemctl("is-active", "svc").Stdout.Trim());
    }

    [Fact]
    public void GarbageIsReportedInSystemdsWordsAndTheDefaultApplies()
    {
        var path = _box.Root.Combine("/etc/systemd/system/svc.service");
        _box.Unit("svc.service", "[Service]\nExecStart=/bin/sleep 300\nTimeoutStopSec=garbage\nRestartSec=1e3\n");

        var show = _box.Systemctl("show", "svc", "-p", "TimeoutStopUSec,RestartUSec");

        Assert.Equal("RestartUSec=100ms\nTimeoutStopUSec=5s\n", show.Stdout);
        Assert.Contains($"{path}:3: Failed to parse time value, ignoring: garbage", show.Stderr);
        Assert.Contains($"{path}:4: Failed to parse sec value, ignoring: 1e3", show.Stderr);
        Assert.DoesNotContain("Exception", show.Stderr);
    }

    [Theory]
    [InlineData("0", "infinity")]
    [InlineData("infinity", "infinity")]
    [InlineData("1h30m", "1h 30min")]
    public void StartTimeoutOfZeroOrInfinityIsNoTimeout(string value, string shown)
    {
        _box.Unit("svc.service", $"[Service]\nExecStart=/bin/sleep 300\nTimeoutStartSec={value}\nRestartSec=0\n");
        Assert.Equal(0, _box.Systemctl("start", "svc").ExitCode);

        Assert.Equal(shown, _box.Property("svc.service", "TimeoutStartUSec"));
        Assert.Equal("0", _box.Property("svc.service", "RestartUSec"));
        Assert.Equal(0, _box.Systemctl("reload-or-restart", "svc").ExitCode);
        Assert.Equal(0, _box.Systemctl("stop", "svc").ExitCode);
    }
}
