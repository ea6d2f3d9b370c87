namespace Platform.Units.Tests;

public sealed class SysVInstallTests
{
    private const string Script =
        "#!/bin/sh\n### BEGIN INIT INFO\n# Default-Start: 2 3 4 5\n# Default-Stop: 0 1 6\n### END INIT INFO\n";

    [Fact]
    public void EnablingASysVOnlyServiceCreatesRunlevelLinksLikeUpdateRcD()
    {
        using var tree = new UnitTree();
        tree.Root.WriteScript("/etc/init.d/legacy", Script);
        var installer = new UnitInstaller(tree.Repo());
        Assert.Equal("disabled", tree.Repo().GetUnitFileState("legacy"));
        var result = installer.Enable(["legacy"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([
            "Synchronizing state of legacy.service with SysV service script with /lib/systemd/systemd-sysv-install.",
            "Executing: /lib/systemd/systemd-sysv-install enable legacy",
        ], result.Stderr);
        Assert.Equal("../init.d/legacy", tree.Root.LinkTarget("/etc/rc2.d/S01legacy"));
        Assert.Equal("../init.d/legacy", tree.Root.LinkTarget("/etc/rc0.d/K01legacy"));
        Assert.Equal("enabled", tree.Repo().GetUnitFileState("legacy"));
        Assert.Contains(UnitFileListing.List(tree.Repo()), r => r.Name == "legacy.service" && r.State == "generated");
        Assert.Contains("multi-user.target", tree.Repo().Load("legacy.service").GetWords("Unit", "Before"));
    }

    [Fact]
    public void DisablingTurnsStartLinksIntoKillLinks()
    {
        using var tree = new UnitTree();
        tree.Root.WriteScript("/etc/init.d/legacy", Script);
        tree.Link("/etc/rc3.d/S20legacy", "../init.d/legacy");
        var result = new UnitInstaller(tree.Repo()).Disable(["legacy.service"]);
        Assert.Equal(0, result.ExitCode);
        Assert.False(tree.Root.Exists("/etc/rc3.d/S20legacy"));
        Assert.Equal("../init.d/legacy", tree.Root.LinkTarget("/etc/rc3.d/K20legacy"));
        Assert.Equal("disabled", tree.Repo().GetUnitFileState("legacy"));
    }
}
