using Platform.Abstractions;
using Platform.Host.Plugins;
using Platform.TestSupport;

namespace Platform.Host.Tests.Plugins;

/// <summary>The plugins linked into the executable, found through their embedded manifests.</summary>
public sealed class BuiltInPluginsTests
{
    private static PluginCatalog Discover(TempRoot root, List<string> warnings)
        => PluginCatalog.Discover(new PluginSearchOptions { Root = root.Path, EnvironmentPath = null, Loader = null },
            warnings.Add);

    [Fact]
    public void EveryLinkedPluginIsDescribedFromItsEmbeddedManifestAndLoadsCleanly()
    {
        using var root = new TempRoot();
        var warnings = new List<string>();
        var catalog = Discover(root, warnings);
        catalog.LoadAll();
        var rows = catalog.Describe();
        Assert.Equal(14, rows.Count);
        Assert.All(rows, r => Assert.Equal(("loaded", BuiltInPlugins.Folder), (r.State, r.Folder)));
        Assert.Equal(BuiltInPlugins.All.Count, rows.Select(r => r.Assembly).Distinct().Count());
        Assert.Empty(warnings);
    }

    [Fact]
    public void TheSqliteStoreComesFromTheCatalogAndOpensADatabase()
    {
        using var root = new TempRoot();
        var warnings = new List<string>();
        using var store = Discover(root, warnings).Get<IStatusStore>(PluginKind.StatusStore, "sqlite");
        Assert.True(store is not null, string.Join('\n', warnings));
        var state = Directory.CreateDirectory(Path.Join(root.Path, "state")).FullName;
        store.Open(new StatusStoreContext(state, "boot-1", new Dictionary<string, string>()));
        store.Write(new UnitStatus { Unit = "web.service", ActiveState = ActiveState.Active, SubState = "running",
            MainPid = 4242 });
        var read = store.Read("web.service");
        Assert.NotNull(read);
        Assert.Equal((ActiveState.Active, "running", 4242), (read.ActiveState, read.SubState, read.MainPid));
        Assert.Empty(warnings);
    }

    [Fact]
    public void ABuiltInManifestNamingAnotherTypeThanItsMefExportIsRefusedByListPlugins()
    {
        var json = BuiltInPlugins.All.Single(p => p.AssemblyName == "Platform.StatusStores.Json");
        var text = System.Text.Encoding.UTF8.GetString(json.ReadManifest())
            .Replace("JsonStatusStore", "NotTheStore", StringComparison.Ordinal);
        var manifest = PluginManifestReader.Parse(System.Text.Encoding.UTF8.GetBytes(text), out _)!;
        var warnings = new List<string>();
        var folder = new PluginFolder(json.Assembly, manifest, warnings.Add);

        folder.CheckDeclaredTypes();

        var warning = Assert.Single(warnings);
        Assert.Contains("plugin.json names Platform.StatusStores.Json.NotTheStore for status-store/json, MEF exports "
            + "Platform.StatusStores.Json.JsonStatusStore", warning, StringComparison.Ordinal);
        Assert.Equal(PluginState.Skipped, folder.State);
    }

    [Fact]
    public void WithoutALoaderAThirdPartyFolderIsSkippedWithTheReason()
    {
        using var root = new TempRoot();
        var folder = FixturePlugins.CopyTo(FixturePlugins.Good, root.Combine("etc/platform/plugins/good"));
        var warnings = new List<string>();
        var catalog = Discover(root, warnings);
        Assert.Null(catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-good"));
        var warning = Assert.Single(warnings);
        Assert.Equal($"systemctl: plugin {folder} skipped: third-party plugins need the managed plugin host "
            + "(plugin-host/systemctl-plugin-host beside systemctl), which is not installed", warning);
    }
}
