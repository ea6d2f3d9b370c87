namespace Platform.Units.Tests;

public sealed class UnitPathsTests
{
    [Fact]
    public void SystemSearchPathListsTheUnitAndGeneratorFoldersUnderTheRootInSystemdsOrder()
    {
        using var tree = new UnitTree();
        var paths = UnitPaths.ForSystem(tree.Path + "/");
        Assert.Equal(tree.Path, paths.Root);
        // systemd.unit(5), "Unit File Load Path": generator.early first, generator after /run, generator.late last.
        Assert.Equal(["/run/systemd/generator.early", "/etc/systemd/system", "/run/systemd/system",
            "/run/systemd/generator",
                "/usr/local/lib/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system",
                    "/run/systemd/generator.late"],
            paths.SearchPath.Select(d => d.InRoot));
        Assert.Equal(["/run/systemd/generator.early", "/run/systemd/generator", "/run/systemd/generator.late"],
            paths.GeneratorOutputs);
        Assert.All(paths.SearchPath, d => Assert.Equal(tree.Path + d.InRoot, d.Path));
        Assert.Equal(tree.Path + "/etc/systemd/system", paths.ConfigDirectory.Path);
        Assert.Equal(tree.Path + "/run/systemd/system", paths.RuntimeConfigDirectory.Path);
        Assert.Equal(tree.Path + "/run", paths.RunDirectory);
        Assert.Equal(tree.Path + "/etc/init.d", paths.InitDirectory);
    }

    [Fact]
    public void LibFolderIsSkippedWhenItIsTheUsrLibFolderThroughASymlink()
    {
        using var tree = new UnitTree();
        tree.Root.Write("/usr/lib/systemd/system/.keep", "");
        tree.Link("/lib", "/usr/lib");
        var paths = UnitPaths.ForSystem(tree.Path);
        Assert.DoesNotContain(paths.SearchPath, d => d.InRoot == "/lib/systemd/system");
        Assert.Equal(7, paths.SearchPath.Count);
    }

    [Fact]
    public void UserSearchPathStartsWithTheEarlyGeneratorThenTheHomeConfigFolder()
    {
        using var tree = new UnitTree();
        var paths = UnitPaths.ForUser("/home/u", tree.Path, "/run/user/1000");
        Assert.Equal("/run/user/1000/systemd/generator.early", paths.SearchPath[0].InRoot);
        Assert.Equal("/home/u/.config/systemd/user", paths.SearchPath[1].InRoot);
        Assert.Equal("/home/u/.config/systemd/user", paths.ConfigDirectory.InRoot);
        Assert.Equal("/run/user/1000/systemd/user", paths.RuntimeConfigDirectory.InRoot);
        Assert.Contains(paths.SearchPath, d => d.InRoot == "/etc/systemd/user");
        Assert.Contains(paths.SearchPath, d => d.InRoot == "/usr/lib/systemd/user");
        Assert.True(paths.IsUser);
    }

    [Theory]
    [InlineData("/", "/etc/x", "/etc/x")]
    [InlineData("/tmp/r", "/etc/x", "/tmp/r/etc/x")]
    [InlineData("/tmp/r", "/", "/tmp/r")]
    public void UnderMapsInRootPathsToDiskPaths(string root, string inRoot, string expected)
    {
        Assert.Equal(expected, RootedPath.Under(root, inRoot));
        Assert.Equal(inRoot, RootedPath.InRoot(root, expected));
    }

    [Fact]
    public void AbsoluteSymlinksInsideTheRootStayInsideTheRoot()
    {
        using var tree = new UnitTree();
        tree.Root.Write("/opt/real/file", "x");
        tree.Link("/a", "/opt/real");
        Assert.Equal("/opt/real/file", RootedPath.Canonicalize(tree.Path, "/a/file"));
    }
}
