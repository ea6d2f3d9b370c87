using Platform.Host.Tests.Plugins;
using Platform.TestSupport;

namespace Platform.Host.Tests.Query;

public sealed class ListDependenciesTests
{
    private const string NoDefaults = "[Unit]\nDefaultDependencies=no\n";

    private static TempRoot Tree()
    {
        var t = new TempRoot("platform-deps-");
        t.WriteUnit("app.service", NoDefaults + "Wants=a.service\nRequires=b.target\n[Service]\nExecStart=/bin/true\n");
        t.WriteUnit("a.service", NoDefaults + "[Service]\nExecStart=/bin/true\n");
        t.WriteUnit("b.target", NoDefaults + "Wants=c.service d.target\n");
        t.WriteUnit("c.service", NoDefaults + "[Service]\nExecStart=/bin/true\n");
        t.WriteUnit("d.target", NoDefaults + "Wants=b.target\n");
        return t;
    }

    [PublishedFact]
    public void TreeExpandsTargetsMarksStatesAndCutsLoops()
    {
        using var root = Tree();
        StatusRecords.Write(root, "a.service", "active", "running");
        StatusRecords.Write(root, "c.service", "failed", "failed");
        var r = Published.RunSystemctl(root, "list-dependencies", "app");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("app.service\n"
            + "● ├─a.service\n"
            + "○ ├─system.slice\n"
            + "○ └─b.target\n"
            + "×   ├─c.service\n"
            + "○   └─d.target\n"
            + "        └─...\n", r.Stdout);
    }

    [PublishedFact]
    public void ReverseFollowsWantedByAndRequiredBy()
    {
        using var root = Tree();
        var r = Published.RunSystemctl(root, "list-dependencies", "--reverse", "c.service");
        Assert.Equal("c.service\n○ └─b.target\n○   ├─app.service\n"
            + "○   └─d.target\n        └─...\n", r.Stdout);
    }

    [PublishedFact]
    public void PlainListsEachUnitOnceWithoutTreeOrMarks()
    {
        using var root = Tree();
        var r = Published.RunSystemctl(root, "list-dependencies", "--plain", "app.service");
        Assert.Equal("app.service\n  a.service\n  system.slice\n  b.target\n  c.service\n  d.target\n", r.Stdout);
    }

    [PublishedFact]
    public void AfterListsOrderingDependencies()
    {
        using var root = Tree();
        root.WriteUnit("late.service", NoDefaults + "After=app.service a.service\n[Service]\nExecStart=/bin/true\n");
        var r = Published.RunSystemctl(root, "list-dependencies", "--after", "--plain", "late");
        Assert.Equal("late.service\n  a.service\n  app.service\n  system.slice\n", r.Stdout);
        var before = Published.RunSystemctl(root, "list-dependencies", "--before", "--plain", "a");
        Assert.Equal("a.service\n  late.service\n", before.Stdout);
    }
}
