namespace Platform.Units.Tests;

public sealed class DependencyGraphTests
{
    private const string Svc = "[Service]\nExecStart=/bin/true\n";

    [Fact]
    public void WantsFolderLinksAddWantsAndShowUpAsWantedBy()
    {
        using var tree = new UnitTree();
        tree.Service("web.service");
        tree.Unit("app.target", "[Unit]\nWants=db.service\n");
        tree.Service("db.service");
        tree.Link(UnitTree.Etc + "/app.target.wants/web.service", UnitTree.Etc + "/web.service");
        tree.Link(UnitTree.Etc + "/app.target.requires/cache.service", "/nowhere");
        var graph = new DependencyGraph(tree.Repo());
        Assert.Equal(["db.service", "web.service"], graph.Get("app.target", "Wants"));
        Assert.Equal(["cache.service"], graph.Get("app.target", "Requires"));
        Assert.Equal(["app.target"], graph.Get("web.service", "WantedBy"));
        Assert.Equal(["app.target"], graph.Get("db.service", "WantedBy"));
        Assert.Empty(graph.Get("web.service", "RequiredBy"));
    }

    [Fact]
    public void BeforeAndAfterAreSymmetricAcrossUnits()
    {
        using var tree = new UnitTree();
        tree.Unit("a.service", "[Unit]\nAfter=b.service\nDefaultDependencies=no\n" + Svc);
        tree.Unit("b.service", "[Unit]\nDefaultDependencies=no\n" + Svc);
        var graph = new DependencyGraph(tree.Repo());
        // The slice dependency is implicit, not a default one: DefaultDependencies=no keeps it.
        Assert.Equal(["b.service", "system.slice"], graph.Get("a.service", "After"));
        Assert.Equal(["a.service"], graph.Get("b.service", "Before"));
        Assert.Equal(["system.slice"], graph.Get("b.service", "After"));
    }

    [Fact]
    public void ServicesGetDefaultDependenciesUnlessTurnedOff()
    {
        using var tree = new UnitTree();
        tree.Service("plain.service");
        tree.Unit("bare.service", "[Unit]\nDefaultDependencies=no\n" + Svc);
        var graph = new DependencyGraph(tree.Repo());
        Assert.Equal(["sysinit.target", "system.slice"], graph.Get("plain.service", "Requires"));
        Assert.Equal(["basic.target", "sysinit.target", "system.slice"], graph.Get("plain.service", "After"));
        Assert.Equal(["shutdown.target"], graph.Get("plain.service", "Conflicts"));
        Assert.Equal(["system.slice"], graph.Get("bare.service", "Requires"));
        Assert.Empty(new DependencyGraph(tree.Repo(), includeImplicit: false).Get("plain.service", "After"));
    }

    [Fact]
    public void TargetsAreOrderedAfterWhatTheyWant()
    {
        using var tree = new UnitTree();
        tree.Service("x.service");
        tree.Unit("y.target", "[Unit]\n");
        tree.Unit("t.target", "[Unit]\nWants=x.service\nRequires=y.target\n");
        Assert.Equal(["x.service", "y.target"], new DependencyGraph(tree.Repo()).Get("t.target", "After"));
    }

    [Fact]
    public void ATargetIsNotOrderedAfterAMissingUnitOneWithoutDefaultDependenciesOrOneItIsBefore()
    {
        using var tree = new UnitTree();
        tree.Service("early.service", "[Unit]\nDefaultDependencies=no\n");
        tree.Service("later.service");
        tree.Unit("t.target", "[Unit]\nWants=missing.service early.service later.service\nBefore=later.service\n");
        Assert.Empty(new DependencyGraph(tree.Repo()).Get("t.target", "After"));
    }

    [Fact]
    public void SocketTriggersTheServiceOfItsName()
    {
        using var tree = new UnitTree();
        tree.Unit("echo.socket", "[Socket]\nListenStream=1234\n");
        tree.Service("echo.service");
        tree.Unit("tick.timer", "[Timer]\nOnCalendar=daily\nUnit=echo.service\n");
        var graph = new DependencyGraph(tree.Repo());
        Assert.Equal(["echo.service"], graph.Get("echo.socket", "Triggers"));
        Assert.Contains("echo.service", graph.Get("echo.socket", "Before"));
        Assert.Equal(["echo.socket", "tick.timer"], graph.Get("echo.service", "TriggeredBy"));
        Assert.Contains("time-sync.target", graph.Get("tick.timer", "After"));
    }

    [Fact]
    public void ReverseLookupFindsReferencesThroughAliases()
    {
        using var tree = new UnitTree();
        tree.Service("rsyslog.service");
        tree.Link(UnitTree.Etc + "/syslog.service", UnitTree.Etc + "/rsyslog.service");
        tree.Unit("app.service", "[Unit]\nRequires=syslog.service\n" + Svc);
        Assert.Equal(["app.service"], new DependencyGraph(tree.Repo()).Get("rsyslog.service", "RequiredBy"));
    }

    [Fact]
    public void BuiltInTargetsTakePartInTheGraph()
    {
        using var tree = new UnitTree();
        var graph = new DependencyGraph(tree.Repo());
        Assert.Contains("basic.target", graph.Get("multi-user.target", "Requires"));
        Assert.Contains("multi-user.target", graph.Get("basic.target", "RequiredBy"));
    }

    [Fact]
    public void ReverseLookupAmongAThousandUnitsParsesOnlyThoseMentioningTheName()
    {
        using var tree = new UnitTree();
        for (var i = 0; i < 1000; i++) tree.Unit($"u{i}.service", "garbage that would warn if parsed\n", UnitTree.Lib);
        tree.Unit("user.service", "[Unit]\nWants=needle.service\n" + Svc);
        tree.Service("needle.service");
        var graph = new DependencyGraph(tree.Repo());
        Assert.Equal(["user.service"], graph.Get("needle.service", "WantedBy"));
        // Any of the thousand parsed would have warned about its garbage.
        Assert.Empty(tree.Warnings);
    }
}
