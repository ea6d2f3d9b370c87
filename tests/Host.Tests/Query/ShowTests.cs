using Platform.Host.Tests.Plugins;
using Platform.TestSupport;

namespace Platform.Host.Tests.Query;

public sealed class ShowTests
{
    [PublishedFact]
    public void PropertyListPrintsInSystemdOrderNotTheOrderAsked()
    {
        using var root = QueryTree.Create();
        var r = Published.RunSystemctl(root, "show", "web", "-p", "MainPID,Type", "-p", "Names");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("Type=notify\nMainPID=0\nNames=web.service www.service\n", r.Stdout);
    }

    [PublishedFact]
    public void ValueOnlyPrintsJustTheValues()
    {
        using var root = QueryTree.Create();
        var r = Published.RunSystemctl(root, "show", "www.service", "-p", "Id,TimeoutStartUSec,Environment", "--value");
        // Service properties come before the generic unit ones in systemd's order.
        Assert.Equal("2min\nA=1 \"B=two words\"\nweb.service\n", r.Stdout);
    }

    [PublishedFact]
    public void UnknownUnitIsNotFoundInactiveWithExitZero()
    {
        using var root = QueryTree.Create();
        var r = Published.RunSystemctl(root, "show", "nope", "-p", "Id,LoadState,ActiveState,SubState");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("Id=nope.service\nLoadState=not-found\nActiveState=inactive\nSubState=dead\n", r.Stdout);
    }

    [PublishedFact]
    public void FilePropertiesAreShownAsPathsInsideTheRoot()
    {
        using var root = QueryTree.Create();
        var r = Published.RunSystemctl(root, "show", "web", "-p",
            "FragmentPath,DropInPaths,UnitFileState,UnitFilePreset,Description,Documentation");
        Assert.Equal(
            "Documentation=\"man:web(8)\"\nDescription=Web server\nFragmentPath=/etc/systemd/system/web.service\n"
            + "DropInPaths=/etc/systemd/system/web.service.d/10-timeout.conf\nUnitFileState=enabled\n"
                + "UnitFilePreset=enabled\n", r.Stdout);
    }

    [PublishedFact]
    public void DependencyPropertiesIncludeWhatOtherUnitsSay()
    {
        using var root = QueryTree.Create();
        var web = Published.RunSystemctl(root, "show", "web", "-p", "Wants,WantedBy,After");
        Assert.Equal(
            "Wants=helper.service\nWantedBy=multi-user.target\n"
            + "After=basic.target helper.service sysinit.target system.slice\n", web.Stdout);
        var helper = Published.RunSystemctl(root, "show", "helper", "-p", "WantedBy,Before");
        Assert.Equal("WantedBy=web.service\nBefore=shutdown.target web.service\n", helper.Stdout);
    }

    [PublishedFact]
    public void BrokenUnitIsBadSettingWithTheErrorNamingTheFileInsideTheRoot()
    {
        using var root = QueryTree.Create();
        root.WriteUnit("bad.service", "[Service]\nExecStart=relative/path\n");
        var r = Published.RunSystemctl(root, "show", "bad", "-p", "LoadState,LoadError");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(
            "LoadState=bad-setting\n"
            + "LoadError=org.freedesktop.systemd1.BadUnitSetting \"/etc/systemd/system/bad.service:2: "
            + "Neither a valid executable name nor an absolute path: relative/path\"\n", r.Stdout);
    }

    [PublishedFact]
    public void SeveralUnitsAreSeparatedByABlankLine()
    {
        using var root = QueryTree.Create();
        var r = Published.RunSystemctl(root, "show", "web", "gone", "-p", "Id,LoadState");
        Assert.Equal("Id=web.service\nLoadState=loaded\n\nId=gone.service\nLoadState=masked\n", r.Stdout);
    }

    [PublishedFact]
    public void RuntimePropertiesComeFromTheStatusStore()
    {
        using var root = QueryTree.Create();
        var (pid, start) = StatusRecords.Self();
        StatusRecords.Write(root, "web.service", "active", "running", pid, start);
        StatusRecords.Write(root, "helper.service", "failed", "failed", execMainStatus: 3, result: "exit-code");
        var web = Published.RunSystemctl(root, "show", "web", "-p", "MainPID,ExecMainPID,ActiveState,SubState");
        Assert.Equal($"MainPID={pid}\nExecMainPID={pid}\nActiveState=active\nSubState=running\n", web.Stdout);
        var helper = Published.RunSystemctl(root, "show", "helper", "-p", "Result,ExecMainStatus,ActiveState");
        Assert.Equal("Result=exit-code\nExecMainStatus=3\nActiveState=failed\n", helper.Stdout);
    }

    [PublishedFact]
    public void StaticPropertiesAndAnUntouchedSystemNeedNoStatusStore()
    {
        using var root = QueryTree.Create();
        Assert.Equal("Id=web.service\n", Published.RunSystemctl(root, "show", "web", "-p", "Id").Stdout);
        Assert.Equal("MainPID=0\n", Published.RunSystemctl(root, "show", "web", "-p", "MainPID").Stdout);
        Assert.Equal(0, Published.RunSystemctl(root, "is-enabled", "web").ExitCode);
        Assert.Equal(0, Published.RunSystemctl(root, "list-unit-files").ExitCode);
        Assert.False(Directory.Exists(root.Combine("/run/platform")), "a read-only command opened the status store");
    }

    [PublishedFact]
    public void StaticQueriesNeverOpenTheStatusStoreEvenWhenRecordsExist()
    {
        using var root = QueryTree.Create();
        StatusRecords.Write(root, "web.service", "active", "running");
        // A store that cannot be opened: any command that opens it fails.
        string[] broken = ["-c", "StatusStore=no-such-store"];
        Assert.Equal("Id=web.service\n", Published.RunSystemctl(root,
            [.. broken, "show", "web", "-p", "Id,Names,Wants"]).Stdout.Split('\n')[0] + "\n");
        Assert.Equal(0, Published.RunSystemctl(root, [.. broken, "show", "web", "-p", "Type,UnitFileState,WantedBy"])
            .ExitCode);
        Assert.Equal(0, Published.RunSystemctl(root, [.. broken, "is-enabled", "web"]).ExitCode);
        Assert.Equal(0, Published.RunSystemctl(root, [.. broken, "list-unit-files"]).ExitCode);
        var runtime = Published.RunSystemctl(root, [.. broken, "show", "web", "-p", "ActiveState"]);
        Assert.Equal(1, runtime.ExitCode);
        Assert.Contains("no-such-store", runtime.Stderr);
        Assert.Equal("ActiveState=active\n", Published.RunSystemctl(root, "show", "web", "-p", "ActiveState").Stdout);
    }

    [PublishedFact]
    public void AllPropertiesFollowTheOrderOfRealSystemd252()
    {
        using var root = QueryTree.Create();
        var ours = Keys(Published.RunSystemctl(root, "show", "web", "--all").Stdout);
        var reference = Keys(File.ReadAllText(Path.Join(Published.RepoRoot,
            "tests/Host.Tests/Reference/systemd252/show-hello-all.txt")));
        var common = ours.Where(reference.Contains).ToList();
        Assert.True(common.Count > 100, $"only {common.Count} properties in common");
        Assert.Equal(reference.Where(common.Contains).ToList(), common);
        Assert.Contains("Id", common);
    }

    [PublishedFact]
    public void WithoutUnitsShowPrintsManagerProperties()
    {
        using var root = QueryTree.Create();
        var r = Published.RunSystemctl(root, "show", "-p", "Version,UnitPath");
        Assert.Equal(0, r.ExitCode);
        // systemd 252 lists the generator folders in their load-path places too.
        Assert.StartsWith(
            "Version=252\n"
            + "UnitPath=/run/systemd/generator.early /etc/systemd/system /run/systemd/system /run/systemd/generator ",
            r.Stdout);
        Assert.EndsWith(" /run/systemd/generator.late\n", r.Stdout);
    }

    [PublishedFact]
    public void ConfiguredDefaultTimeoutsAreWhatManagerAndUnitsShow()
    {
        using var root = QueryTree.Create();
        root.Write("/etc/platform/systemctl.conf", "DefaultTimeoutStartSec=45s\nDefaultTimeoutStopSec=infinity\n");
        var manager = Published.RunSystemctl(root, "show", "-p", "DefaultTimeoutStartUSec,DefaultTimeoutStopUSec");
        Assert.Equal("DefaultTimeoutStartUSec=45s\nDefaultTimeoutStopUSec=infinity\n", manager.Stdout);
        // A unit without its own timeouts shows the manager's defaults, as systemd 252 does.
        var unit = Published.RunSystemctl(root, "show", "nope", "-p", "TimeoutStartUSec,TimeoutStopUSec");
        Assert.Equal("TimeoutStartUSec=45s\nTimeoutStopUSec=infinity\n", unit.Stdout);
        // -c overrides the file for this call only.
        var overridden = Published.RunSystemctl(root, "-c", "DefaultTimeoutStartSec=2min", "show", "-p",
            "DefaultTimeoutStartUSec");
        Assert.Equal("DefaultTimeoutStartUSec=2min\n", overridden.Stdout);
    }

    private static List<string> Keys(string text)
        => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf('=')]).ToList();
}
