using Platform.Abstractions;

namespace Platform.Units.Tests;

public sealed class BuiltInAndSysVTests
{
    [Theory]
    [InlineData("multi-user.target", "Multi-User System", "basic.target")]
    [InlineData("basic.target", "Basic System", "sysinit.target")]
    [InlineData("network-online.target", "Network is Online", null)]
    [InlineData("graphical.target", "Graphical Interface", "multi-user.target")]
    public void StandardTargetsExistWithoutFiles(string name, string description, string? requires)
    {
        using var tree = new UnitTree();
        var loaded = tree.Repo().LoadUnit(name);
        Assert.True(loaded.IsBuiltIn);
        Assert.Equal(UnitLoadState.Loaded, loaded.Definition.LoadState);
        Assert.Null(loaded.Definition.FragmentPath);
        Assert.Equal(description, loaded.Definition.Get("Unit", "Description"));
        Assert.Equal(requires is null ? [] : [requires], loaded.Definition.GetWords("Unit", "Requires"));
    }

    [Fact]
    public void DefaultTargetIsAnAliasOfMultiUserUnlessAFileSaysOtherwise()
    {
        using var tree = new UnitTree();
        var loaded = tree.Repo().LoadUnit("default.target");
        Assert.Equal("multi-user.target", loaded.Id);
        Assert.Contains("default.target", loaded.Names);
        tree.Unit("graphical.target", "[Unit]\nDescription=mine\n", UnitTree.Lib);
        tree.Link(UnitTree.Lib + "/default.target", "graphical.target");
        var real = tree.Repo().LoadUnit("default.target");
        Assert.Equal("graphical.target", real.Id);
        Assert.False(real.IsBuiltIn);
        Assert.Equal("mine", real.Definition.Get("Unit", "Description"));
    }

    [Fact]
    public void DefaultTargetLinkToAMissingFileStillReachesTheBuiltInTarget()
    {
        using var tree = new UnitTree();
        Assert.Equal(0, new UnitInstaller(tree.Repo()).SetDefault("multi-user.target").ExitCode);
        var loaded = tree.Repo().LoadUnit("default.target");
        Assert.Equal("multi-user.target", loaded.Id);
        Assert.True(loaded.IsBuiltIn);
        Assert.Equal(["multi-user.target", "default.target"], loaded.Names);
    }

    [Fact]
    public void RealFileOverridesABuiltInTarget()
    {
        using var tree = new UnitTree();
        var path = tree.Unit("multi-user.target", "[Unit]\nDescription=Custom\n");
        var loaded = tree.Repo().LoadUnit("multi-user.target");
        Assert.False(loaded.IsBuiltIn);
        Assert.Equal(path, loaded.Definition.FragmentPath);
        Assert.Empty(loaded.Definition.GetWords("Unit", "Requires"));
    }

    private const string Script = """
        #!/bin/sh
        ### BEGIN INIT INFO
        # Provides:          legacy
        # Required-Start:    $network $remote_fs $syslog foo
        # Should-Start:      $time
        # X-Start-Before:    bar
        # Default-Start:     2 3 4 5
        # Short-Description: Legacy daemon
        # Description:       A long
        #                    description
        ### END INIT INFO
        exit 0
        """;

    [Fact]
    public void SysVScriptBecomesAForkingServiceAsTheGeneratorWritesIt()
    {
        using var tree = new UnitTree();
        var script = tree.Root.WriteScript("/etc/init.d/legacy", Script);
        var loaded = tree.Repo().LoadUnit("legacy");
        var u = loaded.Definition;
        Assert.Equal(UnitLoadState.Loaded, u.LoadState);
        Assert.Equal(script, loaded.SourcePath);
        Assert.Equal("LSB: Legacy daemon", u.Get("Unit", "Description"));
        Assert.Equal("/etc/init.d/legacy", u.Get("Unit", "SourcePath"));
        Assert.Equal(["bar.service"], u.GetWords("Unit", "Before"));
        Assert.Equal(["network-online.target", "remote-fs.target", "foo.service", "time-sync.target"],
            u.GetWords("Unit", "After"));
        Assert.Equal(["network-online.target"], u.GetWords("Unit", "Wants"));
        Assert.Equal("forking", u.Get("Service", "Type"));
        Assert.True(u.GetBool("Service", "RemainAfterExit", false));
        // Under a root the script found there is the one that runs (as the generator writes the path it found).
        Assert.Equal([script + " start"], u.GetList("Service", "ExecStart"));
        Assert.Equal([script + " stop"], u.GetList("Service", "ExecStop"));
    }

    [Fact]
    public void EnabledSysVScriptIsOrderedBeforeMultiUser()
    {
        using var tree = new UnitTree();
        tree.Root.WriteScript("/etc/init.d/legacy", Script);
        tree.Link("/etc/rc2.d/S01legacy", "../init.d/legacy");
        Assert.Equal(["multi-user.target", "bar.service"], tree.Repo().Load("legacy.service")
            .GetWords("Unit", "Before"));
    }

    [Fact]
    public void NativeUnitWinsOverSysVScriptAndNonExecutableScriptsAreIgnored()
    {
        using var tree = new UnitTree();
        tree.Root.WriteScript("/etc/init.d/both", Script);
        tree.Service("both.service");
        tree.Root.Write("/etc/init.d/noexec", Script);
        tree.Root.WriteScript("/etc/init.d/backup.dpkg-old", Script);
        var repo = tree.Repo();
        Assert.Null(repo.LoadUnit("both").SourcePath);
        Assert.Equal(UnitLoadState.NotFound, repo.Load("noexec").LoadState);
        Assert.DoesNotContain("backup.dpkg-old.service", repo.AllUnitFileNames());
        Assert.Contains("both.service", repo.AllUnitFileNames());
    }
}
