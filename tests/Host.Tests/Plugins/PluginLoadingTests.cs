using System.Runtime.Loader;
using Platform.Abstractions;

namespace Platform.Host.Tests.Plugins;

public sealed class PluginLoadingTests
{
    [Fact]
    public void AskedForExportIsCreatedFromItsOwnLoadContextAndWorksThroughTheContract()
    {
        using var tree = new PluginTestTree();
        var folder = tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        var catalog = tree.Discover();
        using var sink = catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-good");
        Assert.NotNull(sink);
        var said = new List<string>();
        Assert.True(sink.Open(new LogSinkContext(tree.Root, new Dictionary<string, string>(), said.Add)));
        Assert.Equal(["fixture-good opened in " + tree.Root], said);
        var context = AssemblyLoadContext.GetLoadContext(sink.GetType().Assembly)!;
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.StartsWith(folder + "/", sink.GetType().Assembly.Location, StringComparison.Ordinal);
        // The contract comes from the host, or the cast above could not have worked.
        Assert.Same(typeof(ILogSink).Assembly, sink.GetType().GetInterfaces().Single(i => i.Name == nameof(ILogSink))
            .Assembly);
        Assert.Empty(tree.Warnings);
    }

    [Fact]
    public void AskingForOneExportLoadsNoOtherPluginAssembly()
    {
        using var tree = new PluginTestTree();
        var good = tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        var v1 = tree.AddFixture(FixturePlugins.UsesV1, "etc/platform/plugins/v1");
        var throwing = tree.AddFixture(FixturePlugins.Throwing, "usr/lib/platform/plugins/throws");
        var catalog = tree.Discover();
        Assert.NotNull(catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-v1"));
        Assert.Contains("Fixture.UsesV1", LoadedAssemblies.From(v1).Select(a => a.GetName().Name));
        Assert.Empty(LoadedAssemblies.From(good));
        Assert.Empty(LoadedAssemblies.From(throwing));
    }

    [Fact]
    public void EachGetCreatesANewInstance()
    {
        using var tree = new PluginTestTree();
        tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        var catalog = tree.Discover();
        using var first = catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-good");
        using var second = catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-good");
        Assert.NotNull(first);
        Assert.NotSame(first, second);
        Assert.Same(first.GetType(), second!.GetType());
    }

    [Fact]
    public void AnUnknownNameGivesNullAndLoadsNothing()
    {
        using var tree = new PluginTestTree();
        var good = tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        var catalog = tree.Discover();
        Assert.Null(catalog.Get<ILogSink>(PluginKind.LogSink, "no-such-sink"));
        Assert.Empty(LoadedAssemblies.From(good));
        Assert.Empty(tree.Warnings);
    }

    [Fact]
    public void APluginWithoutDeclaredExportsIsLoadedOnlyAsALastResort()
    {
        using var tree = new PluginTestTree();
        var declared = tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/a-good");
        var undeclared = tree.AddFixture(FixturePlugins.UsesV2, "etc/platform/plugins/b-v2");
        File.WriteAllText(Path.Join(undeclared, "plugin.json"),
            """{ "name": "no-exports", "contracts": "1.0.0", "assemblies": ["Fixture.UsesV2.dll"] }""");
        var catalog = tree.Discover();
        Assert.Equal("not loaded", catalog.Describe().Single(r => r.Folder == undeclared).State);
        Assert.NotNull(catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-good"));
        Assert.Empty(LoadedAssemblies.From(undeclared));
        Assert.NotNull(catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-v2"));
        Assert.NotEmpty(LoadedAssemblies.From(undeclared));
        Assert.Contains(catalog.Describe(), r =>
            r.Folder == undeclared && r.Name == "fixture-v2" && r.State == "loaded");
        Assert.NotEmpty(LoadedAssemblies.From(declared));
        Assert.Empty(tree.Warnings);
    }

    [Fact]
    public void GetAllReturnsEveryExportOfAKindOnce()
    {
        using var tree = new PluginTestTree();
        tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/a-good");
        tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good-again");
        tree.AddFixture(FixturePlugins.UsesV1, "etc/platform/plugins/v1");
        var catalog = tree.Discover();
        var all = catalog.GetAll<ILogSink>(PluginKind.LogSink);
        Assert.Equal(["fixture-good", "fixture-v1"], all.Select(e => e.Name).Order());
        Assert.Empty(catalog.GetAll<IStatusStore>(PluginKind.StatusStore));
    }

    [Fact]
    public void AskingWithTheWrongContractForAKindIsAProgrammingError()
    {
        using var tree = new PluginTestTree();
        var catalog = tree.Discover();
        Assert.Throws<ArgumentException>(() => catalog.Get<IStatusStore>(PluginKind.LogSink, "fixture-good"));
    }
}
