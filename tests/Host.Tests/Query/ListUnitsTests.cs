using Platform.Host.Tests.Plugins;
using Platform.TestSupport;

namespace Platform.Host.Tests.Query;

public sealed class ListUnitsTests
{
    private const string Legend = "\nLOAD   = Reflects whether the unit definition was properly loaded.\n"
        + "ACTIVE = The high-level unit activation state, i.e. generalization of SUB.\n"
        + "SUB    = The low-level unit activation state, values depend on unit type.\n";

    [PublishedFact]
    public void NothingRunningListsNoUnitsButTheHints()
    {
        using var root = QueryTree.Create();
        var r = Published.RunSystemctl(root, "list-units");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(
            "  UNIT LOAD ACTIVE SUB DESCRIPTION\n"
            + "0 loaded units listed. Pass --all to see loaded but inactive units, too.\n"
            + "To show all installed unit files use 'systemctl list-unit-files'.\n", r.Stdout);
    }

    [PublishedFact]
    public void RunningAndFailedUnitsAreListedWithMarkersAndLegend()
    {
        using var root = QueryTree.Create();
        StatusRecords.Write(root, "web.service", "active", "running");
        StatusRecords.Write(root, "helper.service", "failed", "failed", result: "exit-code");
        StatusRecords.Write(root, "worker@a.service", "inactive", "dead");
        var r = Published.RunSystemctl(root, "list-units");
        Assert.Equal("  UNIT           LOAD   ACTIVE SUB     DESCRIPTION\n"
            + "● helper.service loaded failed failed  helper.service\n"
            + "  web.service    loaded active running Web server\n"
            + Legend
            + "2 loaded units listed. Pass --all to see loaded but inactive units, too.\n"
            + "To show all installed unit files use 'systemctl list-unit-files'.\n", r.Stdout);
    }

    [PublishedFact]
    public void StateFilterNoLegendAndPlainChangeTheLayoutAsSystemctlDoes()
    {
        using var root = QueryTree.Create();
        StatusRecords.Write(root, "web.service", "active", "running");
        StatusRecords.Write(root, "helper.service", "failed", "failed");
        var failed = Published.RunSystemctl(root, "list-units", "--state=failed");
        Assert.Equal(
            "  UNIT           LOAD   ACTIVE SUB    DESCRIPTION\n"
            + "● helper.service loaded failed failed helper.service\n"
            + Legend + "1 loaded units listed.\n", failed.Stdout);
        var plain = Published.RunSystemctl(root, "list-units", "--no-legend", "--plain", "--type=service");
        Assert.Equal(
            "helper.service loaded failed failed  helper.service\nweb.service    loaded active running Web server\n",
            plain.Stdout);
    }

    [PublishedFact]
    public void AllListsInactiveUnitFilesAndInstancesSortedByTypeThenName()
    {
        using var root = QueryTree.Create();
        StatusRecords.Write(root, "worker@a.service", "active", "running");
        var r = Published.RunSystemctl(root, "list-units", "--all", "--no-legend", "*.service", "multi-user*");
        Assert.Equal(""
            + "● gone.service      masked inactive dead    gone.service\n"
            + "  helper.service    loaded inactive dead    helper.service\n"
            + "  web.service       loaded inactive dead    Web server\n"
            + "  worker@a.service  loaded active   running Worker a\n"
            + "  multi-user.target loaded inactive dead    Multi-User System\n", r.Stdout);
    }

    [PublishedFact]
    public void LoadStatesGivenAsTypesFilterLikeStatesAndInactiveStateListsIdleUnits()
    {
        using var root = QueryTree.Create();
        var masked = Published.RunSystemctl(root, "list-units", "-t", "masked", "--no-legend");
        Assert.Equal("● gone.service masked inactive dead gone.service\n", masked.Stdout);
        var inactive = Published.RunSystemctl(root, "list-units", "--state=inactive", "--type=service", "h*");
        Assert.Equal(
            "  UNIT           LOAD   ACTIVE   SUB  DESCRIPTION\n  helper.service loaded inactive dead helper.service\n"
            + Legend + "1 loaded units listed.\nTo show all installed unit files use 'systemctl list-unit-files'.\n",
                inactive.Stdout);
    }

    [PublishedFact]
    public void UnknownTypeIsRejectedWithSystemctlsMessage()
    {
        using var root = QueryTree.Create();
        var r = Published.RunSystemctl(root, "list-units", "-t", "bogus");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("Unknown unit type or load state 'bogus'.\nUse -t help to see a list of allowed values.\n",
            r.Stderr);
    }
}
