using Platform.Abstractions;
using Platform.Host.Plugins;

namespace Platform.Host.Tests.Plugins;

/// <summary>
/// Every broken plugin costs exactly one warning line, its state is recorded, and the good plugin still works.
/// </summary>
public sealed class PluginFailureTests
{
    private static void AssertGoodPluginStillWorks(PluginCatalog catalog)
    {
        using var sink = catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-good");
        Assert.NotNull(sink);
    }

    private static void AssertSkipped(PluginTestTree tree, PluginCatalog catalog, string folder, string reason)
    {
        Assert.Equal([$"systemctl: plugin {folder} skipped: {reason}"], tree.Warnings);
        Assert.Equal("skipped: " + reason, catalog.Describe().First(r => r.Folder == folder).State);
    }

    [Fact]
    public void AnExportWhoseConstructorThrowsIsSkippedWithOneWarning()
    {
        using var tree = new PluginTestTree();
        tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        var folder = tree.AddFixture(FixturePlugins.Throwing, "etc/platform/plugins/throws");
        var catalog = tree.Discover();
        Assert.Null(catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-throws"));
        Assert.Null(catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-throws"));
        AssertGoodPluginStillWorks(catalog);
        AssertSkipped(tree, catalog, folder,
            "log-sink/fixture-throws could not be created: fixture constructor refuses to run");
    }

    [Fact]
    public void AManifestAskingForNewerContractsIsSkippedWithoutLoading()
    {
        using var tree = new PluginTestTree();
        tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        var folder = tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/future");
        File.WriteAllText(Path.Join(folder, "plugin.json"), """
            { "name": "future", "version": "9.0.0", "contracts": "2.0.0", "assemblies": ["Fixture.Good.dll"],
              "exports": [ { "kind": "log-sink", "name": "future-sink" } ] }
            """);
        var catalog = tree.Discover();
        Assert.Null(catalog.Get<ILogSink>(PluginKind.LogSink, "future-sink"));
        AssertGoodPluginStillWorks(catalog);
        AssertSkipped(tree, catalog, folder, "built for contracts 2.0.0, this systemctl has 1.1.0");
        Assert.Empty(LoadedAssemblies.From(folder));
    }

    [Fact]
    public void AnAssemblyReallyBuiltAgainstNewerContractsIsSkippedWhenTheBinderAsksForThem()
    {
        using var tree = new PluginTestTree();
        tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        var folder = tree.AddFixture(FixturePlugins.FutureReference, "etc/platform/plugins/liar");
        var catalog = tree.Discover();
        Assert.Empty(tree.Warnings);
        Assert.Null(catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-future-reference"));
        AssertGoodPluginStillWorks(catalog);
        AssertSkipped(tree, catalog, folder,
            "Fixture.FutureReference.dll was built against Platform.Abstractions 2.0.0.0, this systemctl has 1.1.0.0");
    }

    [Fact]
    public void ListingPluginsReadsAssemblyMetadataAndRefusesNewerContractsBeforeLoading()
    {
        using var tree = new PluginTestTree();
        var folder = tree.AddFixture(FixturePlugins.FutureReference, "etc/platform/plugins/liar");
        var catalog = tree.Discover();
        catalog.LoadAll();
        AssertSkipped(tree, catalog, folder,
            "Fixture.FutureReference.dll was built against Platform.Abstractions 2.0.0.0, this systemctl has 1.1.0.0");
        Assert.Empty(LoadedAssemblies.From(folder));
    }

    [Fact]
    public void AGarbageAssemblyIsSkippedWithOneWarning()
    {
        using var tree = new PluginTestTree();
        tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        tree.Write("etc/platform/plugins/garbage/plugin.json", """
            { "name": "garbage", "version": "1.0", "contracts": "1.0.0", "assemblies": ["Garbage.dll"],
              "exports": [ { "kind": "log-sink", "name": "garbage" } ] }
            """);
        File.WriteAllBytes(tree.Full("etc/platform/plugins/garbage/Garbage.dll"),
            "MZ but nothing else of a PE file"u8.ToArray());
        var catalog = tree.Discover();
        Assert.Null(catalog.Get<ILogSink>(PluginKind.LogSink, "garbage"));
        AssertGoodPluginStillWorks(catalog);
        AssertSkipped(tree, catalog, tree.Full("etc/platform/plugins/garbage"), "Garbage.dll is not a .NET assembly");
    }

    [Theory]
    [InlineData("{ \"name\": \"x\", \"contracts\": \"1.0.0\" ", "invalid plugin.json: invalid JSON at line 1")]
    [InlineData("""{ "name": "x", "contracts": "1.0.0" }""", "invalid plugin.json: missing \"assemblies\"")]
    [InlineData("""{ "name": "x", "contracts": "one", "assemblies": ["X.dll"] }""",
        "invalid plugin.json: \"contracts\" is not a version: one")]
    [InlineData("""{ "name": "x", "contracts": "1.0.0", "assemblies": ["../X.dll"] }""",
        "invalid plugin.json: \"assemblies\" must hold file names ending in .dll: ../X.dll")]
    public void AnInvalidManifestIsSkippedWithOneWarningAtDiscovery(string manifest, string reason)
    {
        using var tree = new PluginTestTree();
        tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        tree.Write("etc/platform/plugins/bad/plugin.json", manifest);
        var catalog = tree.Discover();
        AssertGoodPluginStillWorks(catalog);
        AssertSkipped(tree, catalog, tree.Full("etc/platform/plugins/bad"), reason);
    }

    [Fact]
    public void AFolderWithoutManifestIsSkippedWithOneWarning()
    {
        using var tree = new PluginTestTree();
        tree.Write("usr/lib/platform/plugins/empty/readme.txt", "nothing here");
        var catalog = tree.Discover();
        AssertSkipped(tree, catalog, tree.Full("usr/lib/platform/plugins/empty"), "no plugin.json");
    }

    [Fact]
    public void AManifestListingAnExportTheAssemblyLacksIsSkipped()
    {
        using var tree = new PluginTestTree();
        var folder = tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        File.WriteAllText(Path.Join(folder, "plugin.json"), """
            { "name": "overpromise", "version": "1", "contracts": "1.0.0", "assemblies": ["Fixture.Good.dll"],
              "exports": [ { "kind": "log-sink", "name": "fixture-good" },
                           { "kind": "log-sink", "name": "imaginary" } ] }
            """);
        var catalog = tree.Discover();
        Assert.Null(catalog.Get<ILogSink>(PluginKind.LogSink, "imaginary"));
        AssertSkipped(tree, catalog, folder, "plugin.json lists log-sink/imaginary but no such export exists");
    }
}
