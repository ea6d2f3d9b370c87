using System.Runtime.Loader;
using Platform.Abstractions;

namespace Platform.Host.Tests.Plugins;

public sealed class SideBySideTests
{
    [Fact]
    public void TwoPluginsUseTwoVersionsOfTheSameLibraryEachSeeingItsOwn()
    {
        using var tree = new PluginTestTree();
        var v1 = tree.AddFixture(FixturePlugins.UsesV1, "etc/platform/plugins/v1");
        var v2 = tree.AddFixture(FixturePlugins.UsesV2, "etc/platform/plugins/v2");
        var catalog = tree.Discover();
        var said = new List<string>();
        var context = new LogSinkContext(tree.Root, new Dictionary<string, string>(), said.Add);
        using var first = catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-v1")!;
        using var second = catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-v2")!;
        Assert.True(first.Open(context));
        Assert.True(second.Open(context));
        Assert.Equal(["fixture-v1 sees Fixture.SharedLib 1.0.0.0", "fixture-v2 sees Fixture.SharedLib 2.0.0.0"], said);

        var lib1 = LoadedAssemblies.From(v1).Single(a => a.GetName().Name == "Fixture.SharedLib");
        var lib2 = LoadedAssemblies.From(v2).Single(a => a.GetName().Name == "Fixture.SharedLib");
        Assert.Equal(new Version(1, 0, 0, 0), lib1.GetName().Version);
        Assert.Equal(new Version(2, 0, 0, 0), lib2.GetName().Version);
        Assert.NotSame(AssemblyLoadContext.GetLoadContext(lib1), AssemblyLoadContext.GetLoadContext(lib2));
        Assert.Empty(tree.Warnings);
    }
}
