namespace Platform.Units.Tests;

public sealed class DropInTests
{
    [Fact]
    public void DropInsApplyInFileNameOrderAcrossFoldersAfterTheFragment()
    {
        using var tree = new UnitTree();
        tree.Unit("a.service", "[Unit]\nDescription=base\n[Service]\nExecStart=/bin/true\n", UnitTree.Lib);
        var b = tree.Unit("a.service.d/20-b.conf", "[Unit]\nDescription=b\n", UnitTree.Lib);
        var c = tree.Unit("a.service.d/30-c.conf", "[Unit]\nDescription=c\n", UnitTree.Run);
        var a = tree.Unit("a.service.d/10-a.conf", "[Unit]\nDescription=a\n");
        var unit = tree.Repo().Load("a.service");
        Assert.Equal([a, b, c], unit.DropInPaths);
        Assert.Equal("c", unit.Get("Unit", "Description"));
        Assert.Equal(["base", "a", "b", "c"], unit.Settings.Where(s => s.Key == "Description").Select(s => s.Value));
    }

    [Fact]
    public void SameNameInAnEarlierFolderHidesTheLaterOne()
    {
        using var tree = new UnitTree();
        tree.Service("a.service", folder: UnitTree.Lib);
        tree.Unit("a.service.d/x.conf", "[Unit]\nDescription=vendor\n", UnitTree.Lib);
        var etc = tree.Unit("a.service.d/x.conf", "[Unit]\nDescription=admin\n");
        var unit = tree.Repo().Load("a.service");
        Assert.Equal([etc], unit.DropInPaths);
        Assert.Equal("admin", unit.Get("Unit", "Description"));
    }

    [Fact]
    public void DropInLinkedToDevNullMasksTheVendorDropIn()
    {
        using var tree = new UnitTree();
        tree.Service("a.service", folder: UnitTree.Lib);
        tree.Unit("a.service.d/x.conf", "[Unit]\nDescription=vendor\n", UnitTree.Lib);
        tree.Link(UnitTree.Etc + "/a.service.d/x.conf", "/dev/null");
        var unit = tree.Repo().Load("a.service");
        Assert.Empty(unit.DropInPaths);
        Assert.Null(unit.Get("Unit", "Description"));
    }

    [Fact]
    public void EmptyValueResetsTheListBuiltByFragmentAndEarlierDropIns()
    {
        using var tree = new UnitTree();
        tree.Unit("a.service", "[Service]\nExecStart=/bin/one\n", UnitTree.Lib);
        tree.Unit("a.service.d/override.conf", "[Service]\nExecStart=\nExecStart=/bin/two\n");
        var unit = tree.Repo().Load("a.service");
        Assert.Equal(["/bin/two"], unit.GetList("Service", "ExecStart"));
        Assert.Equal(3, unit.Settings.Count(s => s.Key == "ExecStart"));
    }

    [Fact]
    public void InstanceGetsInstanceDropInsAfterTemplateDropInsOfTheSameOrder()
    {
        using var tree = new UnitTree();
        tree.Service("w@.service", folder: UnitTree.Lib);
        var t = tree.Unit("w@.service.d/10-t.conf", "[Unit]\nDescription=template\n");
        var i = tree.Unit("w@x.service.d/20-i.conf", "[Unit]\nDescription=instance\n");
        tree.Unit("w@.service.d/20-i.conf", "[Unit]\nDescription=hidden by instance\n");
        var unit = tree.Repo().Load("w@x.service");
        Assert.Equal([t, i], unit.DropInPaths);
        Assert.Equal("instance", unit.Get("Unit", "Description"));
        Assert.DoesNotContain(tree.Repo().Load("w@y.service").DropInPaths, p => p.Contains("w@x"));
    }

    [Fact]
    public void DashedNamesGetPrefixDropInsAndTheMoreSpecificPrefixWins()
    {
        using var tree = new UnitTree();
        tree.Service("foo-bar-baz.service", folder: UnitTree.Lib);
        var general = tree.Unit("foo-.service.d/10-general.conf", "[Unit]\nDescription=foo-\n");
        tree.Unit("foo-.service.d/50-same.conf", "[Unit]\nDescription=foo- same\n");
        var specific = tree.Unit("foo-bar-.service.d/50-same.conf", "[Unit]\nDescription=foo-bar- same\n");
        var unit = tree.Repo().Load("foo-bar-baz.service");
        Assert.Equal([general, specific], unit.DropInPaths);
        Assert.Equal("foo-bar- same", unit.Get("Unit", "Description"));
        Assert.Empty(tree.Repo().Load("foobar.service").DropInPaths);
    }

    [Fact]
    public void TypeLevelDropInsApplyToEveryUnitOfTheTypeWithLowestPrecedence()
    {
        using var tree = new UnitTree();
        tree.Service("a.service", folder: UnitTree.Lib);
        tree.Unit("t.target", "[Unit]\n", UnitTree.Lib);
        var all = tree.Unit("service.d/10-all.conf", "[Service]\nEnvironment=ALL=1\n", UnitTree.Lib);
        tree.Unit("service.d/50-x.conf", "[Unit]\nDescription=type level\n", UnitTree.Lib);
        var own = tree.Unit("a.service.d/50-x.conf", "[Unit]\nDescription=own\n", UnitTree.Lib);
        var repo = tree.Repo();
        var unit = repo.Load("a.service");
        Assert.Equal([all, own], unit.DropInPaths);
        Assert.Equal("own", unit.Get("Unit", "Description"));
        Assert.Empty(repo.Load("t.target").DropInPaths);
    }

    [Fact]
    public void DropInsAlsoApplyToBuiltInTargets()
    {
        using var tree = new UnitTree();
        var d = tree.Unit("multi-user.target.d/x.conf", "[Unit]\nDescription=custom\n");
        var unit = tree.Repo().Load("multi-user.target");
        Assert.Equal([d], unit.DropInPaths);
        Assert.Equal("custom", unit.Get("Unit", "Description"));
    }
}
