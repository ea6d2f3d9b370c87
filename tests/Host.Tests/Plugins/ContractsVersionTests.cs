using Platform.Abstractions;
using Platform.Host.Plugins;

namespace Platform.Host.Tests.Plugins;

/// <summary>
/// Contracts follow semver: minors only add members, so a host loads plugins built for its major at its minor or
/// older, and refuses a newer minor (it may call members this host lacks) as it refuses a newer major.
/// </summary>
public sealed class ContractsVersionTests
{
    private static Version Host => PluginContracts.HostVersion;

    [Theory]
    [InlineData("1.1.0", "1.1.0", true)]
    [InlineData("1.0.0", "1.1.0", true)]
    [InlineData("1.0.7", "1.1.0", true)]
    [InlineData("1.1.9", "1.1.0", true)]
    [InlineData("1.2.0", "1.1.0", false)]
    [InlineData("2.0.0", "1.1.0", false)]
    [InlineData("1.1.0.0", "1.1.0.0", true)]
    [InlineData("1.2.0.0", "1.1.0.0", false)]
    public void APluginLoadsWithTheSameMajorAndNoNewerMinor(string contracts, string host, bool accepted)
        => Assert.Equal(accepted, PluginContracts.Accepts(Version.Parse(contracts), Version.Parse(host)));

    [Fact]
    public void TheHostCarriesContracts11AndAcceptsItsOwnAndOlderMinors()
    {
        Assert.Equal(new Version(1, 1, 0, 0), Host);
        Assert.True(PluginContracts.Accepts(Host));
        Assert.True(PluginContracts.Accepts(new Version(Host.Major, 0, 0)));
        Assert.False(PluginContracts.Accepts(new Version(Host.Major, Host.Minor + 1, 0)));
    }

    [Fact]
    public void AManifestAskingForANewerMinorIsSkippedWithOneWarningWhileAnOlderMinorLoads()
    {
        using var tree = new PluginTestTree();
        // Fixture.Good's own manifest names contracts 1.0.0: an older minor than the host's.
        tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        var folder = tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/newer");
        var newer = new Version(Host.Major, Host.Minor + 1, 0);
        File.WriteAllText(Path.Join(folder, "plugin.json"), $$"""
            { "name": "newer", "version": "1.0.0", "contracts": "{{newer}}", "assemblies": ["Fixture.Good.dll"],
              "exports": [ { "kind": "log-sink", "name": "newer-sink" } ] }
            """);

        var catalog = tree.Discover();

        Assert.Null(catalog.Get<ILogSink>(PluginKind.LogSink, "newer-sink"));
        using (var good = catalog.Get<ILogSink>(PluginKind.LogSink, "fixture-good"))
            Assert.NotNull(good);
        Assert.Equal([$"systemctl: plugin {folder} skipped: built for contracts {newer}, this systemctl has "
            + Host.ToString(3)], tree.Warnings);
    }

    [Fact]
    public void AnAssemblyReferencingANewerMinorThanTheHostsIsRefusedFromItsMetadata()
    {
        using var tree = new PluginTestTree();
        var folder = tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        var dll = Path.Join(folder, "Fixture.Good.dll");
        // Fixture.Good is built against this host's contracts: a host one minor older must refuse it.
        var olderHost = new Version(Host.Major, Host.Minor - 1, 0, 0);

        Assert.Null(PluginAssemblyCheck.Problem(dll, Host));
        Assert.Equal($"Fixture.Good.dll was built against Platform.Abstractions {Host}, this systemctl has {olderHost}",
            PluginAssemblyCheck.Problem(dll, olderHost));
    }
}
