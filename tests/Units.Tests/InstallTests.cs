namespace Platform.Units.Tests;

/// <summary>
/// Install operations checked against behaviour recorded from systemd 252 (runs without systemd installed).
/// </summary>
public sealed class InstallTests
{
    private const string Svc = "[Service]\nExecStart=/bin/true\n";

    private static UnitInstaller Installer(UnitTree tree, InstallMessageStyle style = InstallMessageStyle.Daemon,
        bool unicode = false)
        => new(tree.Repo(), new InstallOptions { Style = style, UnicodeArrow = unicode });

    [Fact]
    public void EnableCreatesAliasWantsAndRequiresLinksAndReportsEach()
    {
        using var tree = new UnitTree();
        tree.Unit("a.service", Svc + "[Install]\nWantedBy=multi-user.target\nRequiredBy=x.target\nAlias=aa.service\n",
            UnitTree.Lib);
        var result = Installer(tree, unicode: true).Enable(["a"]);
        var etc = tree.Path + UnitTree.Etc;
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([
            $"Created symlink {etc}/aa.service → /usr/lib/systemd/system/a.service.",
            $"Created symlink {etc}/multi-user.target.wants/a.service → /usr/lib/systemd/system/a.service.",
            $"Created symlink {etc}/x.target.requires/a.service → /usr/lib/systemd/system/a.service.",
            $"Unit {tree.Path}/usr/lib/systemd/system/a.service is added as a dependency to a non-existent unit "
                + $"x.target.",
        ], result.Stderr);
        Assert.Equal("/usr/lib/systemd/system/a.service", tree.Root.LinkTarget(UnitTree.Etc
            + "/multi-user.target.wants/a.service"));
        Assert.Equal(3, result.Changes.Count);
        Assert.Equal("enabled", tree.Repo().GetUnitFileState("a.service"));
        Assert.Equal("alias", tree.Repo().GetUnitFileState("aa.service"));
    }

    [Fact]
    public void ArrowIsAsciiOutsideUtf8Locales()
    {
        using var tree = new UnitTree();
        tree.Unit("a.service", Svc + "[Install]\nWantedBy=multi-user.target\n");
        Assert.EndsWith(" -> /etc/systemd/system/a.service.", Installer(tree).Enable(["a.service"]).Stderr[0]);
    }

    [Theory]
    [InlineData(InstallMessageStyle.Daemon, 1, "Failed to disable unit: Unit file nope.service does not exist.")]
    [InlineData(InstallMessageStyle.Offline, 0, "Failed to disable unit, unit nope.service does not exist.")]
    public void DisableOfAnUnknownUnitFollowsTheChosenWording(InstallMessageStyle style, int exit, string message)
    {
        using var tree = new UnitTree();
        var result = Installer(tree, style).Disable(["nope"]);
        Assert.Equal(exit, result.ExitCode);
        Assert.Equal([message], result.Stderr);
    }

    [Fact]
    public void EnableOfAnUnknownUnitFailsAsCompatDocumentsAndChangesNothing()
    {
        using var tree = new UnitTree();
        tree.Unit("a.service", Svc + "[Install]\nWantedBy=multi-user.target\n");
        var result = Installer(tree).Enable(["a.service", "nope.service"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["Failed to enable unit: Unit file nope.service does not exist."], result.Stderr);
        Assert.False(tree.Root.Exists(UnitTree.Etc + "/multi-user.target.wants"));
    }

    [Fact]
    public void DisableRemovesEveryLinkToTheUnitAndEmptyWantsFolders()
    {
        using var tree = new UnitTree();
        tree.Unit("a.service", Svc + "[Install]\nWantedBy=multi-user.target\nAlias=aa.service\n", UnitTree.Lib);
        tree.Link(UnitTree.Etc + "/other.target.wants/a.service", "/usr/lib/systemd/system/a.service");
        Installer(tree).Enable(["a.service"]);
        var result = Installer(tree).Disable(["a.service"]);
        Assert.Equal(3, result.Stderr.Count(l => l.StartsWith("Removed ", StringComparison.Ordinal)));
        Assert.False(tree.Root.Exists(UnitTree.Etc + "/other.target.wants"));
        Assert.Equal("disabled", tree.Repo().GetUnitFileState("a.service"));
    }

    [Fact]
    public void MaskWorksForUnknownUnitsButNotOverARealFile()
    {
        using var tree = new UnitTree();
        tree.Service("real.service");
        var installer = Installer(tree);
        var ok = installer.Mask(["ghost"]);
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("/dev/null", tree.Root.LinkTarget(UnitTree.Etc + "/ghost.service"));
        Assert.Equal("masked", tree.Repo().GetUnitFileState("ghost.service"));
        var refused = installer.Mask(["real.service"]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal([$"Failed to mask unit: File {tree.Path}/etc/systemd/system/real.service already exists."],
            refused.Stderr);
        Assert.Equal(0, installer.Unmask(["ghost"]).ExitCode);
        Assert.False(tree.Root.Exists(UnitTree.Etc + "/ghost.service"));
    }

    public static TheoryData<string, string?> States => new()
    {
        { "static.service", "static" }, { "disabled.service", "disabled" }, { "enabled.service", "enabled" },
        { "runtime.service", "enabled-runtime" }, { "alias.service", "alias" }, { "masked.service", "masked" },
        { "rtmask.service", "masked-runtime" }, { "also.service", "indirect" }, { "tpl@.service", "indirect" },
        { "tpl@x.service", "enabled" }, { "tpl@y.service", "disabled" }, { "linked.service", "linked" },
        { "nope.service", null }, { "dangling.service", null }, { "multi-user.target", "static" },
            { "default.target", "alias" },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void UnitFileStatesAreThoseOfSystemctl(string name, string? state)
    {
        using var tree = new UnitTree();
        const string wanted = Svc + "[Install]\nWantedBy=multi-user.target\n";
        tree.Unit("static.service", Svc, UnitTree.Lib);
        tree.Unit("disabled.service", wanted, UnitTree.Lib);
        tree.Unit("enabled.service", wanted, UnitTree.Lib);
        tree.Link(UnitTree.Etc + "/multi-user.target.wants/enabled.service", UnitTree.Lib + "/enabled.service");
        tree.Unit("runtime.service", wanted, UnitTree.Lib);
        tree.Link(UnitTree.Run + "/multi-user.target.wants/runtime.service", UnitTree.Lib + "/runtime.service");
        tree.Link(UnitTree.Lib + "/alias.service", "static.service");
        tree.Link(UnitTree.Etc + "/masked.service", "/dev/null");
        tree.Link(UnitTree.Run + "/rtmask.service", "/dev/null");
        tree.Unit("also.service", Svc + "[Install]\nAlso=disabled.service\n", UnitTree.Lib);
        tree.Unit("tpl@.service", wanted, UnitTree.Lib);
        tree.Link(UnitTree.Etc + "/multi-user.target.wants/tpl@x.service", UnitTree.Lib + "/tpl@.service");
        tree.Root.Write("/opt/linked.service", wanted);
        tree.Link(UnitTree.Etc + "/linked.service", "/opt/linked.service");
        tree.Link(UnitTree.Etc + "/dangling.service", "/nowhere/dangling.service");
        Assert.Equal(state, tree.Repo().GetUnitFileState(name));
    }

    [Fact]
    public void TemplateWithDefaultInstanceEnablesThatInstance()
    {
        using var tree = new UnitTree();
        tree.Unit("t@.service", Svc + "[Install]\nWantedBy=multi-user.target\nDefaultInstance=one\n", UnitTree.Lib);
        Installer(tree).Enable(["t@.service"]);
        Assert.Equal(UnitTree.Lib + "/t@.service", tree.Root.LinkTarget(UnitTree.Etc
            + "/multi-user.target.wants/t@one.service"));
        Assert.Equal("enabled", tree.Repo().GetUnitFileState("t@.service"));
        var withoutDefault = new UnitTree();
        withoutDefault.Unit("u@.service", Svc + "[Install]\nWantedBy=multi-user.target\n", UnitTree.Lib);
        var failed = Installer(withoutDefault).Enable(["u@.service"]);
        withoutDefault.Dispose();
        Assert.Equal(["Failed to enable unit: Destination unit multi-user.target is a non-template unit."],
            failed.Stderr);
    }

    [Fact]
    public void StaticUnitEnableExplainsWhyNothingHappened()
    {
        using var tree = new UnitTree();
        tree.Service("s.service");
        var result = Installer(tree).Enable(["s.service"]);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("The unit files have no installation config", result.Stderr[0]);
        Assert.Empty(result.Changes);
    }

    [Fact]
    public void IsEnabledExitCodeFollowsTheStateTable()
    {
        using var tree = new UnitTree();
        tree.Service("s.service");
        tree.Unit("d.service", Svc + "[Install]\nWantedBy=multi-user.target\n");
        var installer = Installer(tree);
        Assert.Equal((0, "static"), (installer.IsEnabled(["s"]).ExitCode, installer.IsEnabled(["s"]).Stdout[0]));
        Assert.Equal(1, installer.IsEnabled(["d"]).ExitCode);
        Assert.Equal(0, installer.IsEnabled(["d", "s"]).ExitCode);
        var missing = installer.IsEnabled(["nope"]);
        Assert.Equal((1, "Failed to get unit file state for nope.service: No such file or directory"),
            (missing.ExitCode, missing.Stderr[0]));
    }

    [Fact]
    public void DefaultTargetFallsBackToBuiltInMultiUserAndSetDefaultReplacesTheLink()
    {
        using var tree = new UnitTree();
        var installer = Installer(tree);
        Assert.Equal(["multi-user.target"], installer.GetDefault().Stdout);
        tree.Unit("graphical.target", "[Unit]\n", UnitTree.Lib);
        Assert.Equal(0, installer.SetDefault("graphical").ExitCode);
        Assert.Equal(["graphical.target"], installer.GetDefault().Stdout);
        var back = installer.SetDefault("multi-user.target");
        Assert.Equal(2, back.Stderr.Count);
        Assert.Equal(["multi-user.target"], installer.GetDefault().Stdout);
        Assert.Equal("multi-user.target", tree.Repo().Load("default.target").Name);
        Assert.Equal(1, installer.SetDefault("a.service").ExitCode);
    }
}
