namespace Platform.Units.Tests;

public sealed class PresetAndListingTests
{
    private const string Wanted = "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n";

    [Fact]
    public void FirstMatchingPresetLineWinsAcrossFilesInNameOrderAndNoMatchEnables()
    {
        using var tree = new UnitTree();
        tree.Root.Write("/usr/lib/systemd/system-preset/50-a.preset",
            "enable a.service\ndisable b*\nenable t@.service x y\n");
        tree.Root.Write("/usr/lib/systemd/system-preset/60-b.preset", "disable a.service\nenable b.service\n");
        tree.Root.Write("/usr/lib/systemd/system-preset/99-default.preset", "disable *\n");
        tree.Root.Write("/etc/systemd/system-preset/99-default.preset", "# admin override hides the vendor file\n");
        var policy = tree.Repo().Presets;
        Assert.True(policy.IsEnabled("a.service"));
        Assert.False(policy.IsEnabled("b.service"));
        Assert.True(policy.IsEnabled("c.service"));
        Assert.True(policy.IsEnabled("t@x.service"));
        Assert.True(policy.IsEnabled("t@z.service"));
        Assert.Equal(["x", "y"], policy.Find("t@.service")!.Instances);
    }

    [Fact]
    public void PresetEnablesAndDisablesAsThePolicySaysDisablingFirst()
    {
        using var tree = new UnitTree();
        tree.Unit("on.service", Wanted, UnitTree.Lib);
        tree.Unit("off.service", Wanted, UnitTree.Lib);
        tree.Root.Write("/usr/lib/systemd/system-preset/50-x.preset", "disable off.service\n");
        tree.Link(UnitTree.Etc + "/multi-user.target.wants/off.service", UnitTree.Lib + "/off.service");
        var installer = new UnitInstaller(tree.Repo());
        var result = installer.Preset(["on.service", "off.service"]);
        Assert.StartsWith("Removed ", result.Stderr[0]);
        Assert.StartsWith("Created symlink ", result.Stderr[1]);
        Assert.Equal("enabled", tree.Repo().GetUnitFileState("on.service"));
        Assert.Equal("disabled", tree.Repo().GetUnitFileState("off.service"));
        Assert.Empty(installer.Preset(["on.service"], PresetMode.DisableOnly).Changes);
    }

    [Fact]
    public void ListingSortsByTypeThenNameIgnoringCaseAndFilters()
    {
        using var tree = new UnitTree();
        tree.Unit("zed.service", Wanted, UnitTree.Lib);
        tree.Unit("Alpha.service", Wanted, UnitTree.Lib);
        tree.Unit("t@.service", Wanted, UnitTree.Lib);
        tree.Unit("s.socket", "[Socket]\nListenStream=1\n", UnitTree.Lib);
        tree.Link(UnitTree.Etc + "/masked.service", "/dev/null");
        var repo = tree.Repo();
        var rows = UnitFileListing.List(repo, includeBuiltIns: false);
        Assert.Equal(["Alpha.service", "masked.service", "t@.service", "zed.service", "s.socket"],
            rows.Select(r => r.Name));
        Assert.Equal("static -", $"{rows[^1].State} {rows[^1].Preset}");
        Assert.Equal(["masked.service"], UnitFileListing.List(repo, states: ["masked"], includeBuiltIns: false)
            .Select(r => r.Name));
        Assert.Equal(["s.socket"], UnitFileListing.List(repo, types: ["socket"], includeBuiltIns: false)
            .Select(r => r.Name));
        Assert.Equal(["t@.service", "zed.service"], UnitFileListing.List(repo, patterns: ["t*", "z?d.*"],
            includeBuiltIns: false).Select(r => r.Name));
        Assert.Contains(UnitFileListing.List(repo), r =>
            r.Name == "multi-user.target" && r.State == "static" && r.Path is null);
    }

    [Theory]
    [InlineData("a*", "abc", true)]
    [InlineData("a*", "bab", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("[ab]x", "bx", true)]
    [InlineData("[!ab]x", "bx", false)]
    [InlineData("[a-c]*.service", "b1.service", true)]
    [InlineData("*.service", "x.socket", false)]
    [InlineData("a\\*", "a*", true)]
    [InlineData("*", "", true)]
    public void GlobMatchesLikeFnmatch(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(pattern, text));
}
