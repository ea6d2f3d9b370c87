using Platform.Journal.Tests.Support;
using Platform.TestSupport;

namespace Platform.Journal.Tests;

/// <summary>The published systemd-notify driving services that systemctl start (no init).</summary>
public sealed class SystemdNotifyTests : IDisposable
{
    private readonly LogSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [Fact]
    public void StartWaitsForReadyFromAShellServiceAndShowsItsStatusText()
    {
        var marker = _box.Box.File("ready-sent");
        _box.Start("shell.service",
            $"[Service]\nType=notify\n"
            + $"ExecStart=/bin/sh -c 'sleep 0.5; touch {marker}; {Published.SystemdNotify} --ready --status=\"all "
            + $"set\"; exec sleep 300'\n");

        Assert.True(File.Exists(marker), "start returned before the service said it was ready");
        Assert.Equal("active", _box.Box.Property("shell.service", "ActiveState"));
        Assert.Equal("all set", _box.Box.Property("shell.service", "StatusText"));
    }

    [Fact]
    public void WithoutNotifySocketItFailsWithSystemdsMessage()
    {
        var result = CommandRunner.Run(Published.SystemdNotify, ["--ready"],
            new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = null });

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("No status data could be sent: $NOTIFY_SOCKET was not set\n", result.Stderr);
    }

    [Fact]
    public void BootedIsFalseForARootWithoutARunningInit()
    {
        var result = CommandRunner.Run(Published.SystemdNotify, ["--booted", "--root=" + _box.Path]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout + result.Stderr);
    }
}
