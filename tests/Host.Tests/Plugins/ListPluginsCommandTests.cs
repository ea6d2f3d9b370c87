using Platform.Host.Plugins;

namespace Platform.Host.Tests.Plugins;

public sealed class ListPluginsCommandTests
{
    [Fact]
    public void ListPluginsLoadsEveryPluginAndPrintsATableWithALegend()
    {
        using var tree = new PluginTestTree();
        var good = tree.AddFixture(FixturePlugins.Good, "etc/platform/plugins/good");
        var throwing = tree.AddFixture(FixturePlugins.Throwing, "etc/platform/plugins/throws");
        var v1 = tree.AddFixture(FixturePlugins.UsesV1, "etc/platform/plugins/v1");
        var output = new StringWriter();
        Assert.Equal(0, ListPluginsCommand.Run(tree.Discover(), output, legend: true));
        var lines = output.ToString().Split('\n');
        Assert.Matches(@"^KIND +NAME +ASSEMBLY +VERSION +STATE +FOLDER$", lines[0]);
        Assert.Matches($@"^log-sink +fixture-good +Fixture\.Good\.dll +1\.2\.3 +loaded +{good}$", lines[1]);
        // Listing composes but creates no part, so the throwing constructor never runs.
        Assert.Matches($@"^log-sink +fixture-throws +Fixture\.Throwing\.dll +0\.0\.1 +loaded +{throwing}$", lines[2]);
        Assert.Matches($@"^log-sink +fixture-v1 +Fixture\.UsesV1\.dll +1\.0\.0 +loaded +{v1}$", lines[3]);
        Assert.Equal(["", "3 plugins listed.", ""], lines[4..]);
        Assert.Equal(lines[0].IndexOf("STATE", StringComparison.Ordinal),
            lines[1].IndexOf("loaded", StringComparison.Ordinal));
        Assert.Empty(tree.Warnings);
    }

    [Fact]
    public void NoLegendPrintsOnlyTheRowsAndShowsSkipReasons()
    {
        using var tree = new PluginTestTree();
        tree.Write("etc/platform/plugins/bad/plugin.json", "[]");
        var output = new StringWriter();
        ListPluginsCommand.Run(tree.Discover(), output, legend: false);
        Assert.Equal(
            $"- bad - - skipped: invalid plugin.json: expected a JSON object {tree.Full("etc/platform/plugins/bad")}\n",
            output.ToString());
        Assert.Single(tree.Warnings);
    }
}
