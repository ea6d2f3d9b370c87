using Platform.Abstractions;

namespace Platform.Units.Tests;

public sealed class UnitLoadingTests
{
    [Fact]
    public void FragmentInEtcHidesTheSameNameInUsrLib()
    {
        using var tree = new UnitTree();
        tree.Unit("a.service", "[Unit]\nDescription=vendor\n[Service]\nExecStart=/bin/true\n", UnitTree.Lib);
        var etc = tree.Unit("a.service", "[Unit]\nDescription=admin\n[Service]\nExecStart=/bin/true\n");
        var unit = tree.Repo().Load("a");
        Assert.Equal("a.service", unit.Name);
        Assert.Equal(UnitLoadState.Loaded, unit.LoadState);
        Assert.Equal(etc, unit.FragmentPath);
        Assert.Equal("admin", unit.Get("Unit", "Description"));
    }

    [Theory]
    [InlineData("a", "a.service")]
    [InlineData("a.service", "a.service")]
    [InlineData("b.target", "b.target")]
    [InlineData("x@y", "x@y.service")]
    [InlineData("a b", "a\\x20b.service")]
    public void NormalizeNameAddsServiceSuffixAndEscapes(string input, string expected)
        => Assert.Equal(expected, UnitRepository.NormalizeName(input));

    [Fact]
    public void MissingUnitIsNotFoundWithoutSettings()
    {
        using var tree = new UnitTree();
        var unit = tree.Repo().Load("nope.service");
        Assert.Equal(UnitLoadState.NotFound, unit.LoadState);
        Assert.Null(unit.FragmentPath);
        Assert.Empty(unit.Settings);
    }

    [Fact]
    public void LinkToDevNullMasksAndHidesLowerFiles()
    {
        using var tree = new UnitTree();
        tree.Service("a.service", folder: UnitTree.Lib);
        var link = tree.Link(UnitTree.Etc + "/a.service", "/dev/null");
        var unit = tree.Repo().Load("a.service");
        Assert.Equal(UnitLoadState.Masked, unit.LoadState);
        Assert.Equal(link, unit.FragmentPath);
        Assert.Empty(unit.Settings);
    }

    [Fact]
    public void EmptyFileMasksAsSystemdDocuments()
    {
        using var tree = new UnitTree();
        tree.Unit("a.service", "");
        Assert.Equal(UnitLoadState.Masked, tree.Repo().Load("a.service").LoadState);
    }

    [Fact]
    public void DanglingSymlinkIsNotFoundWithAOneLineError()
    {
        using var tree = new UnitTree();
        var link = tree.Link(UnitTree.Etc + "/a.service", "/nowhere/a.service");
        var unit = tree.Repo().Load("a.service");
        Assert.Equal(UnitLoadState.NotFound, unit.LoadState);
        Assert.Equal($"Failed to open {link}: No such file or directory", unit.LoadError);
    }

    [Fact]
    public void AliasLoadsTheTargetUnitUnderItsOwnIdWithAllNames()
    {
        using var tree = new UnitTree();
        var real = tree.Service("real.service", folder: UnitTree.Lib);
        tree.Link(UnitTree.Lib + "/rel-alias.service", "real.service");
        tree.Link(UnitTree.Etc + "/abs-alias.service", UnitTree.Lib + "/real.service");
        tree.Unit("abs-alias.service.d/x.conf", "[Unit]\nDescription=from alias drop-in\n");
        var repo = tree.Repo();
        var loaded = repo.LoadUnit("rel-alias");
        Assert.Equal("real.service", loaded.Id);
        Assert.Equal("rel-alias.service", loaded.RequestedName);
        Assert.Equal(["real.service", "abs-alias.service", "rel-alias.service"], loaded.Names);
        Assert.Equal(real, loaded.Definition.FragmentPath);
        Assert.Equal("from alias drop-in", loaded.Definition.Get("Unit", "Description"));
        Assert.Equal(loaded.Names, repo.LoadUnit("real.service").Names);
    }

    [Fact]
    public void LinkedUnitOutsideTheSearchPathKeepsTheLinkName()
    {
        using var tree = new UnitTree();
        tree.Root.Write("/opt/app/app-file.service", "[Service]\nExecStart=/bin/true\n");
        var link = tree.Link(UnitTree.Etc + "/app.service", "/opt/app/app-file.service");
        var loaded = tree.Repo().LoadUnit("app.service");
        Assert.Equal("app.service", loaded.Id);
        Assert.Equal(UnitLoadState.Loaded, loaded.Definition.LoadState);
        Assert.Equal(link, loaded.Definition.FragmentPath);
        Assert.Equal(LocationKind.Linked, loaded.Location!.Kind);
    }

    [Fact]
    public void AliasLoopIsAnErrorNotAHang()
    {
        using var tree = new UnitTree();
        tree.Link(UnitTree.Etc + "/a.service", "b.service");
        tree.Link(UnitTree.Etc + "/b.service", "a.service");
        var unit = tree.Repo().Load("a.service");
        Assert.Equal(UnitLoadState.Error, unit.LoadState);
        Assert.Contains("Too many levels of symbolic links", unit.LoadError);
    }

    [Fact]
    public void InstanceUsesTheTemplateUnlessAnInstanceFileExists()
    {
        using var tree = new UnitTree();
        var template = tree.Unit("web@.service", "[Unit]\nDescription=web %i\n[Service]\nExecStart=/bin/web %i\n",
            UnitTree.Lib);
        var special = tree.Unit("web@special.service", "[Unit]\nDescription=special\n[Service]\nExecStart=/bin/true\n");
        var repo = tree.Repo();
        var blue = repo.Load("web@blue");
        Assert.Equal("web@blue.service", blue.Name);
        Assert.Equal(template, blue.FragmentPath);
        Assert.Equal("web blue", blue.Get("Unit", "Description"));
        Assert.Equal(["/bin/web blue"], blue.GetList("Service", "ExecStart"));
        var s = repo.Load("web@special.service");
        Assert.Equal(special, s.FragmentPath);
        Assert.Equal("special", s.Get("Unit", "Description"));
    }

    [Fact]
    public void PlainNameNeverLoadsSettingsOfATemplateWithTheSamePrefix()
    {
        using var tree = new UnitTree();
        tree.Unit("x@.service", "[Unit]\nDescription=template\n[Service]\nExecStart=/bin/true\n");
        var unit = tree.Repo().Load("x.service");
        Assert.Equal(UnitLoadState.NotFound, unit.LoadState);
        Assert.Empty(unit.Settings);
    }

    [Fact]
    public void LoadingOneUnitAmongAThousandReadsNoOtherUnitFile()
    {
        using var tree = new UnitTree();
        for (var i = 0; i < 1000; i++) tree.Unit($"u{i}.service", "garbage that would warn if parsed\n", UnitTree.Lib);
        tree.Service("wanted.service", folder: UnitTree.Lib);
        var repo = tree.Repo();
        var unit = repo.Load("wanted.service");
        Assert.Equal(UnitLoadState.Loaded, unit.LoadState);
        // Any of the thousand parsed would have warned about its garbage (speed is bench/startup.py's).
        Assert.Empty(tree.Warnings);
    }
}
