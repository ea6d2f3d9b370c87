using Platform.Abstractions;
using Platform.Host.Configuration;
using Platform.Host.Plugins;

namespace Platform.Host.Tests.Plugins;

public sealed class PluginDiscoveryTests
{
    private static List<PluginInfo> Rows(PluginCatalog catalog, string folder)
        => catalog.Describe().Where(r => r.Folder == folder).ToList();

    [Fact]
    public void AThirdPartyFolderIsDescribedFromItsManifestBeforeItLoads()
    {
        using var tree = new PluginTestTree();
        var folder = tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        var catalog = tree.Discover();
        var row = Assert.Single(Rows(catalog, folder));
        Assert.Equal(new PluginInfo(PluginKind.LogSink, "fixture-good", "Fixture.Good.dll", "1.2.3", "not loaded",
            folder), row);
        Assert.Empty(tree.Warnings);
    }

    [Theory]
    [InlineData("etc/platform/plugins")]
    [InlineData("usr/lib/platform/plugins")]
    public void SystemPluginFoldersBelowTheRootAreSearched(string systemFolder)
    {
        using var tree = new PluginTestTree();
        var folder = tree.AddFixture(FixturePlugins.Good, systemFolder + "/good");
        var catalog = tree.Discover();
        Assert.Equal("fixture-good", Assert.Single(Rows(catalog, folder)).Name);
        Assert.NotNull(catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-good"));
        Assert.Empty(tree.Warnings);
    }

    [Fact]
    public void EnvironmentPathEntriesMayBePluginFoldersOrFoldersOfPluginFolders()
    {
        using var tree = new PluginTestTree();
        var direct = tree.AddFixture(FixturePlugins.Good, "dev/good");
        var nested = tree.AddFixture(FixturePlugins.UsesV1, "dev/more/v1");
        var catalog = tree.Discover(environmentPath: direct + "::" + tree.Full("dev/more"));
        Assert.Single(Rows(catalog, direct));
        Assert.Single(Rows(catalog, nested));
        Assert.Empty(tree.Warnings);
    }

    [Fact]
    public void ConfiguredPluginPathIsTakenRelativeToTheRoot()
    {
        using var tree = new PluginTestTree();
        var folder = tree.AddFixture(FixturePlugins.UsesV2, "opt/plugins/v2");
        var configuration = HostConfiguration.Parse("PluginPath=/nowhere:/opt/plugins", "test.conf", null,
            tree.Warnings.Add);
        var catalog = PluginCatalog.Discover(PluginSearchOptions.For(tree.Root, configuration) with { BuiltIn = [],
            Loader = tree.Options().Loader, EnvironmentPath = null }, tree.Warnings.Add);
        Assert.Equal("fixture-v2", Assert.Single(Rows(catalog, folder)).Name);
        Assert.Empty(tree.Warnings);
    }

    [Fact]
    public void DiscoveryReadsManifestsWithoutLoadingAnyAssembly()
    {
        using var tree = new PluginTestTree();
        var folders = new[]
        {
            tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/a"),
            tree.AddFixture(FixturePlugins.UsesV1, "etc/platform/plugins/b"),
            tree.AddFixture(FixturePlugins.Throwing, "usr/lib/platform/plugins/c"),
        };
        var catalog = tree.Discover();
        Assert.Equal(3, catalog.Describe().Count);
        foreach (var folder in folders) Assert.Empty(LoadedAssemblies.From(folder));
    }

    [Fact]
    public void TheSameFolderReachedTwiceIsListedOnce()
    {
        using var tree = new PluginTestTree();
        var folder = tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        var catalog = tree.Discover(environmentPath: folder + "/");
        Assert.Single(Rows(catalog, folder));
    }

    [Fact]
    public void AnEarlierFolderWinsAndTheLaterOneIsShownAsShadowed()
    {
        using var tree = new PluginTestTree();
        var first = tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        var later = tree.AddFixture(FixturePlugins.Good, "usr/lib/platform/plugins/good");
        var catalog = tree.Discover();
        Assert.NotNull(catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-good"));
        Assert.Equal("loaded", Assert.Single(Rows(catalog, first)).State);
        Assert.Equal("shadowed by " + first, Assert.Single(Rows(catalog, later)).State);
        Assert.Empty(LoadedAssemblies.From(later));
    }
}
