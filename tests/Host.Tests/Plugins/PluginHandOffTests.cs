using Platform.Host.Tests.Reliability;
using Platform.TestSupport;

namespace Platform.Host.Tests.Plugins;

/// <summary>
/// The published native systemctl hands a call to the managed plugin host only when a usable third-party plugin is
/// installed and the call may need it, and then exactly: same arguments, environment and exit code.
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
    public void ACallThatMayStartUnitsIsHandedOverWholeWithItsExitCode()
    {
        var host = RecordingHost();
        InstallThirdPartyPlugin();
        var result = Run(host, "start", "web.service", "db.service");
        Assert.Equal(7, result.ExitCode);
        Assert.Equal($"--root={_root.Path}\nstart\nweb.service\ndb.service\nenv=kept\n",
            File.ReadAllText(_root.Combine("handed-off")));
    }

    [PublishedTheory]
    [InlineData("is-enabled", "web.service")]
    [InlineData("is-active", "web.service")]
    [InlineData("status", "web.service")]
    [InlineData("list-unit-files")]
    [InlineData("enable", "web.service")]
    public void ACallTheBuiltInsCoverStaysNativeBesideAThirdPartyPlugin(params string[] arguments)
    {
        var host = RecordingHost();
        InstallThirdPartyPlugin();
        _root.WriteUnit("web.service", "[Service]\nExecStart=/bin/sleep 1\n[Install]\nWantedBy=multi-user.target\n");
        Run(host, arguments);
        Assert.False(_root.Exists("handed-off"));
    }

    [PublishedTheory]
    [InlineData("list-plugins")]
    [InlineData("enable", "--now", "web.service")]
    public void ListingPluginsOrStartingWithEnableIsHandedOver(params string[] arguments)
    {
        var host = RecordingHost();
        InstallThirdPartyPlugin();
        Assert.Equal(7, Run(host, arguments).ExitCode);
        Assert.True(_root.Exists("handed-off"));
    }

    [PublishedFact]
    public void AStatusStoreTheBuiltInsLackHandsOverEvenAQuery()
    {
        var host = RecordingHost();
        InstallThirdPartyPlugin();
        _root.Write("etc/platform/systemctl.conf", "StatusStore=redis\n");
        Assert.Equal(7, Run(host, "is-active", "web.service").ExitCode);
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
        var stop = Run(Published.PluginHost, "stop", "nothing.service");
        Assert.Equal((5, "Failed to stop nothing.service: Unit nothing.service not loaded.\n"),
            (stop.ExitCode, stop.Stderr));
    }

    [PublishedFact]
    public void JournalctlReadsNativelyBesideAThirdPartyPlugin()
    {
        var host = RecordingHost();
        InstallThirdPartyPlugin();
        var journalctl = CommandRunner.Run(Published.Journalctl, ["--root=" + _root.Path, "--no-pager"],
            new Dictionary<string, string?> { ["PLATFORM_PLUGIN_HOST"] = host });
        Assert.Equal(("-- No entries --\n", 0), (journalctl.Stdout, journalctl.ExitCode));
        Assert.False(_root.Exists("handed-off"));
    }

    [PluginHostFact]
    public void AStartHandedToThePluginHostRunsTheService()
    {
        InstallThirdPartyPlugin();
        var done = _root.Combine("ran");
        _root.WriteUnit("once.service", $"[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/touch {done}\n");
        var start = Run(Published.PluginHost, "start", "once.service");
        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.True(File.Exists(done));
        Assert.Equal("active\n", Run(Published.PluginHost, "is-active", "once.service").Stdout);
        Assert.Equal(0, Run(Published.PluginHost, "stop", "once.service").ExitCode);
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
