using Platform.TestSupport;

namespace Platform.Host.Tests.Plugins;

/// <summary>
/// The published native systemctl hands a call to the managed plugin host only when a usable third-party plugin is
/// installed, and then exactly: same arguments, environment and exit code.
/// </summary>
public sealed class PluginHandOffTests : IDisposable
{
    private readonly TempRoot _root = new("platform-handoff-");

    /// <summary>A stand-in plugin host that records its arguments and one environment variable, then exits 7.</summary>
    private string RecordingHost()
        => _root.WriteScript("host/record", "#!/bin/sh\nprintf '%s\\n' \"$@\" \"env=$HANDOFF_PROBE\" > \""
            + _root.Combine("handed-off") + "\"\nexit 7\n");

    private CommandResult Run(string? pluginHost, params string[] arguments)
        => Published.Run(["--root=" + _root.Path, .. arguments], new Dictionary<string, string?>
        {
            ["PLATFORM_PLUGIN_HOST"] = pluginHost,
            ["PLATFORM_PLUGIN_PATH"] = null,
            ["HANDOFF_PROBE"] = "kept",
        });

    private void InstallThirdPartyPlugin()
        => FixturePlugins.CopyTo(FixturePlugins.Good, _root.Combine("etc/platform/plugins/good"));

    [PublishedFact]
    public void WithoutAThirdPartyPluginNoManagedRuntimeStarts()
    {
        var host = RecordingHost();
        // A folder without a manifest is no usable plugin either: it is reported, not handed off.
        Directory.CreateDirectory(_root.Combine("etc/platform/plugins/empty"));
        foreach (var command in (string[][])[["list-unit-files"], ["is-active", "x.service"], ["list-plugins"]])
            Run(host, command);
        Assert.False(_root.Exists("handed-off"));
    }

    [PublishedFact]
    public void AUsableThirdPartyPluginHandsTheWholeCallOverWithItsExitCode()
    {
        var host = RecordingHost();
        InstallThirdPartyPlugin();
        var result = Run(host, "is-active", "web.service", "db.service");
        Assert.Equal(7, result.ExitCode);
        Assert.Equal($"--root={_root.Path}\nis-active\nweb.service\ndb.service\nenv=kept\n",
            File.ReadAllText(_root.Combine("handed-off")));
    }

    [PublishedFact]
    public void WithoutThePluginHostTheCallStaysNativeAndTheFolderSaysWhy()
    {
        InstallThirdPartyPlugin();
        var result = Run("/nonexistent/systemctl-plugin-host", "list-plugins", "--no-legend");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"(?m)^log-sink +fixture-good +Fixture\.Good\.dll +1\.2\.3 +skipped: third-party plugins need "
            + @"the managed plugin host", result.Stdout);
        Assert.Matches(@"(?m)^status-store +json +.* loaded +\(built-in\)$", result.Stdout);
    }

    [PluginHostFact]
    public void ThePluginHostLoadsTheThirdPartyPluginBesideTheBuiltIns()
    {
        InstallThirdPartyPlugin();
        var result = Run(Published.PluginHost, "list-plugins", "--no-legend");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^log-sink +fixture-good +Fixture\.Good\.dll +1\.2\.3 +loaded +"
            + _root.Combine("etc/platform/plugins/good") + "$", result.Stdout);
        Assert.Equal(15, result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var inactive = Run(Published.PluginHost, "is-active", "nothing.service");
        Assert.Equal(("inactive\n", 3), (inactive.Stdout, inactive.ExitCode));
    }

    [PluginHostFact]
    public void ThePluginHostAnswersUnderTheNameTheCallWasMadeWith()
    {
        InstallThirdPartyPlugin();
        var journalctl = CommandRunner.Run(Published.Journalctl, ["--root=" + _root.Path, "--no-pager"],
            new Dictionary<string, string?> { ["PLATFORM_PLUGIN_HOST"] = Published.PluginHost });
        Assert.True(journalctl.ExitCode == 0, journalctl.ToString());
        Assert.Equal("-- No entries --\n", journalctl.Stdout);
    }

    [PluginHostFact]
    public void ThePluginHostIsFoundInPluginHostBesideTheExecutable()
    {
        InstallThirdPartyPlugin();
        var install = Directory.CreateDirectory(_root.Combine("install")).FullName;
        foreach (var file in (string[])["systemctl", "libe_sqlite3.so"])
            File.Copy(Path.Join(Published.Directory, file), Path.Join(install, file));
        Directory.CreateSymbolicLink(Path.Join(install, "plugin-host"), Path.GetDirectoryName(Published.PluginHost)!);
        var result = CommandRunner.Run(Path.Join(install, "systemctl"),
            ["--root=" + _root.Path, "list-plugins", "--no-legend"],
            new Dictionary<string, string?> { ["PLATFORM_PLUGIN_HOST"] = null });
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^log-sink +fixture-good +.* loaded ", result.Stdout);
    }

    public void Dispose() => _root.Dispose();
}
