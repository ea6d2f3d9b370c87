using System.Composition;
using System.Composition.Hosting;
using System.Reflection;
using System.Text.Json;
using Platform.Abstractions;

namespace PluginName.Tests;

/// <summary>The host decides from plugin.json alone which assembly to load for an export: the manifest must tell the truth.</summary>
public sealed class ManifestTests
{
    private static readonly Assembly Plugin = Assembly.Load(new AssemblyName("PluginName"));

    private static JsonElement Manifest()
        => JsonDocument.Parse(File.ReadAllBytes(Path.Join(AppContext.BaseDirectory, "plugin.json"))).RootElement;

    [Fact]
    public void ManifestNamesThePluginAssemblyAsItsEntry()
    {
        Assert.Equal(Path.GetFileName(Plugin.Location), Manifest().GetProperty("assemblies")[0].GetString());
    }

    [Fact]
    public void ManifestContractsVersionHasTheMajorOfTheReferencedContracts()
    {
        var declared = Version.Parse(Manifest().GetProperty("contracts").GetString()!);
        var referenced = Array.Find(Plugin.GetReferencedAssemblies(), a => a.Name == "Platform.Abstractions")!.Version!;
        Assert.Equal(referenced.Major, declared.Major);
    }

    [Fact]
    public void ManifestDeclaresExactlyTheExportsTheAssemblyOffers()
    {
        var declared = new List<string>();
        foreach (var export in Manifest().GetProperty("exports").EnumerateArray())
            declared.Add(export.GetProperty("kind").GetString() + "/" + export.GetProperty("name").GetString());
        using var container = new ContainerConfiguration().WithAssembly(Plugin).CreateContainer();
        var actual = new List<string>();
        foreach (var f in container.GetExports<ExportFactory<IServiceType, PluginExportMetadata>>()) actual.Add(PluginKind.ServiceType + "/" + f.Metadata.Name);
        foreach (var f in container.GetExports<ExportFactory<IStatusStore, PluginExportMetadata>>()) actual.Add(PluginKind.StatusStore + "/" + f.Metadata.Name);
        foreach (var f in container.GetExports<ExportFactory<INotifyTransport, PluginExportMetadata>>()) actual.Add(PluginKind.NotifyTransport + "/" + f.Metadata.Name);
        foreach (var f in container.GetExports<ExportFactory<ILogSink, PluginExportMetadata>>()) actual.Add(PluginKind.LogSink + "/" + f.Metadata.Name);
        declared.Sort(StringComparer.Ordinal);
        actual.Sort(StringComparer.Ordinal);
        Assert.Equal(declared, actual);
        Assert.NotEmpty(actual);
    }
}
