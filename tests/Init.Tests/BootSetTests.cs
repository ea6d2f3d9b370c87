using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>The boot set (sysinit.target and what it pulls in) is started by the boot of a PID-1 init only.</summary>
public sealed class BootSetTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [InitFact]
    public void APid1BootRunsTheUnitsSysinitWantsAndALaterStartFromAShellRunsThemNoMore()
    {
        var marker = _box.File("tmpfiles.runs");
        _box.Unit("systemd-tmpfiles-setup.service",
            "[Unit]\nDefaultDependencies=no\nBefore=sysinit.target\n[Service]\nType=oneshot\n" +
            $"ExecStart=/bin/sh -c 'echo ran >> {marker}'\n[Install]\nWantedBy=sysinit.target\n");
        _box.Unit("app.service", "[Service]\nExecStart=/bin/sleep 300\n[Install]\nWantedBy=multi-user.target\n");
        _box.Unit("late.service", "[Service]\nExecStart=/bin/sleep 300\n");
        Assert.Equal(0, _box.Systemctl("enable", "systemd-tmpfiles-setup", "app").ExitCode);
        using var init = new InitNamespace(_box);

        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);
        Assert.Equal(["ran"], File.ReadAllLines(marker));

        Assert.Equal(0, init.Systemctl("start", "late").ExitCode);
        Assert.Equal("active", init.Property("late.service", "ActiveState"));
        Assert.Equal(["ran"], File.ReadAllLines(marker));
    }
}
