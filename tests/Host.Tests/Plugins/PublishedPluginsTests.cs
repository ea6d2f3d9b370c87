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
}
