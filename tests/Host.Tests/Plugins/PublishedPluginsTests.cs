using Platform.Abstractions;
using Platform.Host.Plugins;
using Platform.TestSupport;

namespace Platform.Host.Tests.Plugins;

/// <summary>The built-in plugins as published beside systemctl, found and loaded the way the installed binary does.</summary>
public sealed class PublishedPluginsTests
{
    private static PluginCatalog Discover(string root, List<string> warnings) => PluginCatalog.Discover(new PluginSearchOptions
    {
        Root = root,
        InstallDirectory = Published.Directory,
        EnvironmentPath = null,
    }, warnings.Add);

    [PublishedFact]
    public void EveryPublishedBuiltInPluginFolderIsDiscoveredAndLoadsCleanly()
    {
        using var root = new TempRoot();
        var warnings = new List<string>();
        var catalog = Discover(root.Path, warnings);
        catalog.LoadAll();
        var rows = catalog.Describe();
        var folders = Directory.GetDirectories(Path.Join(Published.Directory, "plugins"));
        Assert.NotEmpty(folders);
        foreach (var folder in folders)
            Assert.Contains(rows, r => r.Folder == folder);
        Assert.True(warnings.Count == 0, string.Join('\n', warnings));
        Assert.All(rows, r => Assert.Equal("loaded", r.State));
    }

    [PublishedFact]
    public void TheSqliteStoreLoadedThroughTheCatalogOpensADatabaseWithItsNativeLibrary()
    {
        using var root = new TempRoot();
        var warnings = new List<string>();
        var catalog = Discover(root.Path, warnings);
        using var store = catalog.Get<IStatusStore>(PluginKind.StatusStore, "sqlite");
        Assert.True(store is not null, string.Join('\n', warnings));
        var state = Directory.CreateDirectory(Path.Join(root.Path, "state")).FullName;
        store.Open(new StatusStoreContext(state, "boot-1", new Dictionary<string, string>()));
        store.Write(new UnitStatus { Unit = "web.service", ActiveState = ActiveState.Active, SubState = "running", MainPid = 4242 });
        var read = store.Read("web.service");
        Assert.NotNull(read);
        Assert.Equal((ActiveState.Active, "running", 4242), (read.ActiveState, read.SubState, read.MainPid));
        Assert.Contains(Directory.GetFiles(state), f => f.EndsWith("status.db", StringComparison.Ordinal));
        // Other built-ins are not this test's concern; the sqlite folder must not have been complained about.
        Assert.DoesNotContain(warnings, w => w.Contains("/plugins/StatusStores.Sqlite ", StringComparison.Ordinal));
    }

    [PublishedFact]
    public void ABuiltInManifestNamingAnotherTypeThanItsMefExportIsRefusedByListPlugins()
    {
        using var root = new TempRoot();
        var install = Path.Join(root.Path, "install");
        var folder = Path.Join(install, "plugins", "StatusStores.Json");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Join(Published.Directory, "plugins", "StatusStores.Json")))
            File.Copy(file, Path.Join(folder, Path.GetFileName(file)));
        var manifest = Path.Join(folder, "plugin.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("JsonStatusStore", "NotTheStore"));
        var warnings = new List<string>();
        var catalog = PluginCatalog.Discover(new PluginSearchOptions { Root = root.Path, InstallDirectory = install, EnvironmentPath = null }, warnings.Add);

        catalog.LoadAll();

        var warning = Assert.Single(warnings);
        Assert.Contains("plugin.json names Platform.StatusStores.Json.NotTheStore for status-store/json, MEF exports Platform.StatusStores.Json.JsonStatusStore", warning);
        Assert.Equal("skipped", Assert.Single(catalog.Describe()).State.Split(':')[0]);
    }
}
