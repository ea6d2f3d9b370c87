using System.Composition.Hosting;
using System.Text.Json;
using Platform.Abstractions;

namespace Platform.Notifiers.Tests;

public sealed class PluginExportTests
{
    [Fact]
    public void MefComposesTheUnixTransportUnderItsName()
    {
        using var container = new ContainerConfiguration().WithAssembly(typeof(UnixNotifyTransport).Assembly)
            .CreateContainer();

        var export = Assert.Single(container.GetExports<Lazy<INotifyTransport, PluginExportMetadata>>());

        Assert.Equal("unix", export.Metadata.Name);
        Assert.IsType<UnixNotifyTransport>(export.Value);
    }

    [Fact]
    public void TheManifestDeclaresTheAssemblyAndTheUnixExport()
    {
        var manifest = Path.Join(RepoRoot(), "plugins", "Notifiers", "plugin.json");
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));

        Assert.Equal(["Platform.Notifiers.dll"], json.RootElement.GetProperty("assemblies").EnumerateArray()
            .Select(a => a.GetString()));
        var export = Assert.Single(json.RootElement.GetProperty("exports").EnumerateArray());
        Assert.Equal(PluginKind.NotifyTransport, export.GetProperty("kind").GetString());
        Assert.Equal("unix", export.GetProperty("name").GetString());
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Join(d.FullName, "Platform.sln"))) return d.FullName;
        throw new InvalidOperationException("Platform.sln not found");
    }
}
