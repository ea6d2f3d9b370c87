using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>
/// A plain start on a system that has the distribution's boot units (the systemd package installed, no systemd
/// running) treats the boot as done: sysinit.target, basic.target and the boot-time targets are reached, never
/// started, so their units (tmpfiles cleaning /tmp, journald, a getty) do not run.
/// </summary>
public sealed class BootSetTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public BootSetTests()
    {
        // Stand-ins for the units Debian's systemd package hooks into the boot: each leaves a marker when it runs.
        BootUnit("systemd-tmpfiles-setup.service", "sysinit.target");
        BootUnit("boot-network.service", "network-online.target");
        BootUnit("boot-socket-holder.service", "sockets.target");
        BootUnit("boot-basic.service", "basic.target");
        BootUnit("getty-stand-in.service", "getty.target");
        _box.Unit("multi-user.target",
            "[Unit]\nDescription=Multi-User System\nRequires=basic.target\nWants=getty.target\nAfter=basic.target\n");
    }

    public void Dispose() => _box.Dispose();

    private void BootUnit(string name, string wantedBy)
    {
        _box.Unit(name, $"[Unit]\nDefaultDependencies=no\n[Service]\nType=oneshot\nRemainAfterExit=yes\n" +
            $"ExecStart=/bin/sh -c 'echo ran > {_box.File(name + ".ran")}'\n[Install]\nWantedBy={wantedBy}\n");
        Assert.Equal(0, _box.Systemctl("enable", name).ExitCode);
    }

    private bool Ran(string name) => File.Exists(_box.File(name + ".ran"));

    private string[] BootUnitsThatRan()
        => new[] { "systemd-tmpfiles-setup.service", "boot-network.service", "boot-socket-holder.service",
            "boot-basic.service", "getty-stand-in.service" }
            .Where(Ran).ToArray();

    [Fact]
    public void APlainStartOfAServiceRunsNoBootUnit()
    {
        _box.Unit("app.service",
            "[Unit]\nWants=network-online.target\nAfter=network-online.target\n[Service]\nExecStart=/bin/sleep 300\n");

        var start = _box.Systemctl("start", "app");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("active", _box.Property("app.service", "ActiveState"));
        Assert.Empty(BootUnitsThatRan());
    }

    [Fact]
    public void StartingTheDefaultTargetWithoutAnInitRunsItsServicesButNoBootUnit()
    {
        _box.Unit("web.service", "[Service]\nExecStart=/bin/sleep 300\n[Install]\nWantedBy=multi-user.target\n");
        Assert.Equal(0, _box.Systemctl("enable", "web").ExitCode);

        var start = _box.Systemctl("default");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("active", _box.Property("web.service", "ActiveState"));
        Assert.Empty(BootUnitsThatRan());
    }

    [Fact]
    public void StartingSysinitTargetByNameReachesItWithoutRunningWhatItWants()
    {
        var start = _box.Systemctl("start", "sysinit.target", "basic.target");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Empty(BootUnitsThatRan());
    }

    [Fact]
    public void ABootUnitNamedOnTheCommandLineStillRuns()
    {
        var start = _box.Systemctl("start", "systemd-tmpfiles-setup.service");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.True(Ran("systemd-tmpfiles-setup.service"));
        Assert.Equal(["systemd-tmpfiles-setup.service"], BootUnitsThatRan());
    }

    [Fact]
    public void RestartAndEnableNowRunNoBootUnit()
    {
        _box.Unit("api.service",
            "[Unit]\nRequires=sysinit.target\n[Service]\nExecStart=/bin/sleep 300\n[Install]\n"
            + "WantedBy=multi-user.target\n");

        Assert.Equal(0, _box.Systemctl("enable", "--now", "api").ExitCode);
        Assert.Equal(0, _box.Systemctl("restart", "api").ExitCode);

        Assert.Equal("active", _box.Property("api.service", "ActiveState"));
        Assert.Empty(BootUnitsThatRan());
    }
}
