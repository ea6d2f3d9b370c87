using System.Composition.Hosting;
using System.Text.Json;
using Platform.Abstractions;

namespace Platform.ServiceTypes.Tests;

public sealed class PluginManifestTests
{
    private static readonly string[] Names = ["simple", "exec", "forking", "notify", "oneshot", "idle"];

    [Fact]
    public void ManifestListsEverySixTypesAndTheAssembly()
    {
        var path = Path.Join(Path.GetDirectoryName(typeof(SimpleServiceType).Assembly.Location)!, "plugin.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        Assert.Equal("1.1.0", root.GetProperty("contracts").GetString());
        Assert.Equal(["Platform.ServiceTypes.dll"], root.GetProperty("assemblies").EnumerateArray()
            .Select(e => e.GetString()));
        var exports = root.GetProperty("exports").EnumerateArray().ToList();
        Assert.All(exports, e => Assert.Equal(PluginKind.ServiceType, e.GetProperty("kind").GetString()));
        Assert.Equal(Names, exports.Select(e => e.GetProperty("name").GetString()));
    }

    [Fact]
    public void MefFindsOneExportPerTypeName()
    {
        using var container = new ContainerConfiguration().WithAssembly(typeof(SimpleServiceType).Assembly)
            .CreateContainer();
        var exports = container.GetExports<Lazy<IServiceType, PluginExportMetadata>>().ToList();
        Assert.Equal(Names.Order(), exports.Select(e => e.Metadata.Name).Order());
        var notify = exports.Single(e => e.Metadata.Name == "notify").Value;
        Assert.True(notify.NeedsNotify);
        Assert.All(exports.Where(e => e.Metadata.Name != "notify"), e => Assert.False(e.Value.NeedsNotify));
    }
}
