using Platform.Abstractions;
using Platform.TestSupport;

namespace Platform.Host.Tests.Plugins;

/// <summary>
/// Third-party plugins others could have replaced are refused, as sudo refuses unsafe files; built-ins are trusted.
/// </summary>
public sealed class PluginSafetyTests
{
    private const UnixFileMode GroupWritable = (UnixFileMode)0b111_111_101;

    [Fact]
    public void APluginFolderWritableByGroupIsRefusedAtDiscovery()
    {
        using var tree = new PluginTestTree();
        var folder = tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        File.SetUnixFileMode(folder, GroupWritable);
        var catalog = tree.Discover();
        Assert.Equal([$"systemctl: plugin {folder} skipped: {folder} is writable by group or others"], tree.Warnings);
        Assert.Null(catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-good"));
        Assert.Empty(LoadedAssemblies.From(folder));
    }

    [Fact]
    public void AnAssemblyWritableByOthersIsRefusedBeforeItLoads()
    {
        using var tree = new PluginTestTree();
        var folder = tree.AddFixture(FixturePlugins.Good, "usr/lib/platform/plugins/good");
        var dll = Path.Join(folder, "Fixture.Good.dll");
        File.SetUnixFileMode(dll, (UnixFileMode)0b110_110_110);
        var catalog = tree.Discover();
        Assert.Empty(tree.Warnings);
        Assert.Null(catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-good"));
        Assert.Equal([$"systemctl: plugin {folder} skipped: {dll} is writable by group or others"], tree.Warnings);
        Assert.Empty(LoadedAssemblies.From(folder));
    }

    [Fact]
    public void AContainerFolderWritableByOthersRefusesAllItsPlugins()
    {
        using var tree = new PluginTestTree();
        var folder = tree.AddFixture(FixturePlugins.Good, "dev/plugins/good");
        var container = tree.Full("dev/plugins");
        File.SetUnixFileMode(container, (UnixFileMode)0b111_111_111);
        var catalog = tree.Discover(environmentPath: container);
        Assert.Equal([$"systemctl: plugin {folder} skipped: {container} is writable by group or others"],
            tree.Warnings);
        Assert.Null(catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-good"));
    }

    [Fact]
    public void APluginBelowAParentOthersMayWriteIsRefused()
    {
        using var tree = new PluginTestTree();
        var folder = tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        // The container and the plugin are fine, but whoever may write to /etc/platform could swap the container.
        var parent = tree.Full("etc/platform");
        File.SetUnixFileMode(parent, (UnixFileMode)0b111_111_111);
        var catalog = tree.Discover();
        Assert.Equal([$"systemctl: plugin {folder} skipped: {parent} is writable by group or others"], tree.Warnings);
        Assert.Null(catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-good"));
    }

    [Fact]
    public void APluginFolderNamedDirectlyIsCheckedUpItsParents()
    {
        using var tree = new PluginTestTree();
        var folder = tree.AddFixture(FixturePlugins.Good, "dev/shared/good");
        var shared = tree.Full("dev/shared");
        File.SetUnixFileMode(shared, (UnixFileMode)0b111_111_111);
        var catalog = tree.Discover(environmentPath: folder);
        Assert.Equal([$"systemctl: plugin {folder} skipped: {shared} is writable by group or others"], tree.Warnings);
        Assert.Null(catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-good"));
    }

    [Fact]
    public void AStickyParentLikeTmpIsAcceptedAboveAPluginFolder()
    {
        using var tree = new PluginTestTree();
        var folder = tree.AddFixture(FixturePlugins.Good, "dev/tmp/plugins/good");
        File.SetUnixFileMode(tree.Full("dev/tmp"), (UnixFileMode)0b1_111_111_111);
        var catalog = tree.Discover(environmentPath: tree.Full("dev/tmp/plugins"));
        Assert.Empty(tree.Warnings);
        Assert.NotNull(catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-good"));
    }

    [RootFact]
    public void APluginOwnedByAnotherUserIsRefused()
    {
        using var tree = new PluginTestTree();
        var folder = tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        var chown = CommandRunner.Run("chown", ["65534", Path.Join(folder, "plugin.json")]);
        Assert.Equal(0, chown.ExitCode);
        var catalog = tree.Discover();
        Assert.Equal(
            [$"systemctl: plugin {folder} skipped: {folder}/plugin.json is owned by uid 65534, neither root nor the "
            + $"invoking user"], tree.Warnings);
        Assert.Null(catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-good"));
    }
}
