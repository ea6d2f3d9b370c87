using System.Text.Json;
using Platform.Abstractions;

namespace Platform.StatusStores.Tests;

public abstract partial class StatusStoreContract
{
    [Fact]
    public void AFreshProcessLoadsTheStoreFromItsPluginBuildFolderAndReadsARecord()
        => MeasureFromPluginFolder(StoreFactory.BuildOutputPluginDll(StoreName), "plugin build folder");

    [Fact]
    public void AFreshProcessReadsARecordThroughTheStoreReferencedDirectly()
    {
        Open().Write(SampleStatus.Full("web.service"));
        using var helper = new HelperProcess("measure", StoreName, StateDirectory, Boot, "web.service");
        var result = helper.Wait(TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("found=True", result.Stdout);
        Output.WriteLine(
            $"{StoreName} read latency, store referenced directly (JIT, no ReadyToRun): "
            + $"{result.Stdout.Split('\n')[0]}");
    }

    private void MeasureFromPluginFolder(string pluginDll, string what)
    {
        AssertManifest(Path.Join(Path.GetDirectoryName(pluginDll), "plugin.json"), Path.GetFileName(pluginDll));
        Open().Write(SampleStatus.Full("web.service"));
        using var helper = new HelperProcess("measure", StoreName, StateDirectory, Boot, "web.service", pluginDll);
        var result = helper.Wait(TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("found=True", result.Stdout);
        Assert.Contains("loaded-from=" + Path.GetFullPath(pluginDll), result.Stdout);
        Output.WriteLine($"{StoreName} read latency, {what}: {result.Stdout.Split('\n')[0]}");
    }

    private void AssertManifest(string manifestPath, string dllName)
    {
        Assert.True(File.Exists(manifestPath), manifestPath + " is missing");
        using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        var root = manifest.RootElement;
        Assert.Equal($"status-store-{StoreName}", root.GetProperty("name").GetString());
        Assert.Equal("0.1.0", root.GetProperty("version").GetString());
        Assert.Equal("1.1.0", root.GetProperty("contracts").GetString());
        Assert.Equal([dllName], root.GetProperty("assemblies").EnumerateArray().Select(a => a.GetString()));
        var export = Assert.Single(root.GetProperty("exports").EnumerateArray());
        Assert.Equal(PluginKind.StatusStore, export.GetProperty("kind").GetString());
        Assert.Equal(StoreName, export.GetProperty("name").GetString());
    }
}
