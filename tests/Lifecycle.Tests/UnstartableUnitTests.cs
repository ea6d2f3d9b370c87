using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>
/// Units systemd's manager refuses to start: a load error, a bad setting, a template without instance.
/// </summary>
public sealed class UnstartableUnitTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [Fact]
    public void StartOfAUnitInASymlinkLoopFailsWithTheLoadError()
    {
        _box.Root.Link("/etc/systemd/system/a.service", "b.service");
        _box.Root.Link("/etc/systemd/system/b.service", "a.service");

        var start = _box.Systemctl("start", "a.service");

        Assert.Equal(1, start.ExitCode);
        Assert.Equal(
            "Failed to start a.service: Unit a.service failed to load properly, please adjust/correct and reload "
            + "service manager: "
            + "Too many levels of symbolic links\n", start.Stderr);
    }

    [Fact]
    public void StartOfAUnitWithABadSettingFailsWithSystemdsLine()
    {
        _box.Unit("rel.service", "[Service]\nExecStart=relative/path\n");

        var start = _box.Systemctl("start", "rel");

        Assert.Equal(
            (1, "Failed to start rel.service: Unit rel.service has a bad unit file setting.\n"
            + "See system logs and 'systemctl status rel.service' for details.\n"), (start.ExitCode, start.Stderr));
    }

    [Fact]
    public void StartOfATemplateWithoutInstanceIsRefusedAndStartsNothing()
    {
        var marker = _box.File("started");
        _box.Unit("tpl@.service", $"[Service]\nExecStart=/bin/sh -c 'echo %i >> {marker}; exec sleep 300'\n");

        var start = _box.Systemctl("start", "tpl@.service");
        var restart = _box.Systemctl("restart", "tpl@");

        Assert.Equal((1, "Failed to start tpl@.service: Unit name tpl@.service is missing the instance name.\n"),
            (start.ExitCode, start.Stderr));
        Assert.Equal((1, "Failed to restart tpl@.service: Unit name tpl@.service is missing the instance name.\n"),
            (restart.ExitCode, restart.Stderr));
        Assert.False(File.Exists(marker));
        Assert.Equal(0, _box.Systemctl("start", "tpl@one.service").ExitCode);
    }
}
