using Platform.Abstractions;

namespace Platform.Units.Tests;

public sealed class BadUnitTests
{
    public static TheoryData<string, string, UnitLoadState, string?> Cases => new()
    {
        { "nosvc.service", "[Unit]\nDescription=x\n", UnitLoadState.BadSetting,
            "nosvc.service: Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing." },
        { "noexec.service", "[Service]\nType=simple\n", UnitLoadState.BadSetting,
            "noexec.service: Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing." },
        { "reset.service", "[Service]\nExecStart=/bin/true\nExecStart=\n", UnitLoadState.BadSetting,
            "reset.service: Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing." },
        { "stoponly.service", "[Service]\nExecStop=/bin/true\n", UnitLoadState.BadSetting,
            "stoponly.service: Service has no ExecStart= and no SuccessAction= settings and does not have "
            + "RemainAfterExit=yes set. Refusing." },
        { "stopremain.service", "[Service]\nExecStop=/bin/true\nRemainAfterExit=yes\n", UnitLoadState.Loaded, null },
        { "twoexec.service", "[Service]\nExecStart=/bin/a\nExecStart=/bin/b\n", UnitLoadState.BadSetting,
            "twoexec.service: Service has more than one ExecStart= setting, which is only allowed for Type=oneshot "
            + "services. Refusing." },
        { "twooneshot.service", "[Service]\nType=oneshot\nExecStart=/bin/a\nExecStart=/bin/b\n", UnitLoadState.Loaded,
            null },
        { "osrestart.service", "[Service]\nType=oneshot\nRestart=always\nExecStart=/bin/a\n", UnitLoadState.BadSetting,
            "osrestart.service: Service has Restart= set to either always or on-success, which isn't allowed for "
            + "Type=oneshot services. Refusing." },
        { "dbus.service", "[Service]\nType=dbus\nExecStart=/bin/a\n", UnitLoadState.BadSetting,
            "dbus.service: Service is of type D-Bus but no D-Bus service name has been specified. Refusing." },
        { "rel.service", "[Service]\nExecStart=bin/true\n", UnitLoadState.BadSetting,
            "{dir}/rel.service:2: Neither a valid executable name nor an absolute path: bin/true" },
        { "bare.service", "[Service]\nExecStart=true\n", UnitLoadState.Loaded, null },
        { "prefixes.service", "[Service]\nExecStart=-@:+/bin/true true\n", UnitLoadState.Loaded, null },
        { "emptypath.service", "[Service]\nExecStart=-@ /bin/true\n", UnitLoadState.BadSetting,
            "emptypath.service: Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing." },
        { "badspec.service", "[Service]\nExecStart=/bin/true %z\n", UnitLoadState.BadSetting,
            "{dir}/badspec.service:2: Failed to resolve unit specifiers in %z: Invalid slot" },
        { "header.service", "[Service]\nExecStart=/bin/true\n[Unit\n", UnitLoadState.Error,
            "{dir}/header.service:3: Invalid section header '[Unit'" },
        { "unknownsection.service", "[Foo]\nBar=1\n[Service]\nExecStart=/bin/true\n", UnitLoadState.Loaded, null },
        { "x.target", "[Unit]\nDescription=targets need nothing\n", UnitLoadState.Loaded, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BrokenUnitsGetSystemdsLoadStateAndAOneLineError(string name, string text, UnitLoadState state,
        string? error)
    {
        using var tree = new UnitTree();
        tree.Unit(name, text);
        var unit = tree.Repo().Load(name);
        Assert.Equal(state, unit.LoadState);
        Assert.Equal(error?.Replace("{dir}", tree.Path + UnitTree.Etc), unit.LoadError);
    }

    [Fact]
    public void UnknownSectionIsToleratedWithSystemdsWarning()
    {
        using var tree = new UnitTree();
        var path = tree.Unit("a.service", "[Foo]\nBar=1\n[X-Mine]\nA=1\n[Service]\nExecStart=/bin/true\n");
        tree.Repo().Load("a.service");
        Assert.Equal([$"{path}:1: Unknown section 'Foo'. Ignoring."], tree.Warnings);
    }

    [Fact]
    public void IgnoredCommandLineWarnsAndIsDropped()
    {
        using var tree = new UnitTree();
        var path = tree.Unit("a.service", "[Service]\nType=oneshot\nExecStart=--/bin/x\nExecStart=/bin/true\n");
        var unit = tree.Repo().Load("a.service");
        Assert.Equal(UnitLoadState.Loaded, unit.LoadState);
        Assert.Equal(["/bin/true"], unit.GetList("Service", "ExecStart"));
        Assert.Equal([$"{path}:3: Neither a valid executable name nor an absolute path, ignoring: -/bin/x"],
            tree.Warnings);
    }

    [Fact]
    public void FolderNamedLikeAUnitIsNotAUnit()
    {
        using var tree = new UnitTree();
        Directory.CreateDirectory(tree.Root.Combine(UnitTree.Etc + "/dir.service"));
        Assert.Equal(UnitLoadState.NotFound, tree.Repo().Load("dir.service").LoadState);
    }

    [Fact]
    public void WarningsOfAFileAreReportedOncePerRepository()
    {
        using var tree = new UnitTree();
        tree.Unit("a.service", "junk\n[Service]\nExecStart=/bin/true\n");
        var repo = tree.Repo();
        repo.Load("a.service");
        repo.Invalidate();
        repo.Load("a.service");
        Assert.Single(tree.Warnings);
    }
}
