using Platform.Host.Tests.Plugins;
using Platform.TestSupport;

namespace Platform.Host.Tests.Install;

/// <summary>
/// Install commands where no differential comparison applies (wording without --root, --now, SysV units).
/// </summary>
public sealed class InstallCommandTests
{
    [PublishedFact]
    public void EnableNowStartsTheUnitAndDisableNowStopsIt()
    {
        using var root = new TempRoot();
        root.WriteUnit("multi-user.target", "[Unit]\nDescription=m\n", "/usr/lib/systemd/system");
        root.WriteUnit("app.service", "[Service]\nExecStart=/bin/sleep 300\n[Install]\nWantedBy=multi-user.target\n");
        try
        {
            var on = Published.RunSystemctl(root, "enable", "--now", "app");
            Assert.Equal(0, on.ExitCode);
            Assert.True(root.IsLink("/etc/systemd/system/multi-user.target.wants/app.service"), on.Stderr);
            Assert.Equal("active\n", Published.RunSystemctl(root, "is-active", "app").Stdout);
            var off = Published.RunSystemctl(root, "disable", "--now", "app");
            Assert.Equal(0, off.ExitCode);
            Assert.False(root.Exists("/etc/systemd/system/multi-user.target.wants/app.service"));
            Assert.Equal("inactive\n", Published.RunSystemctl(root, "is-active", "app").Stdout);
        }
        finally
        {
            Published.RunSystemctl(root, "stop", "app");
            KillProcessesOf(root);
        }
    }

    /// <summary>
    /// The detached helpers a start leaves behind for this root (the log pump), found by their exact --root argument.
    /// </summary>
    private static void KillProcessesOf(TempRoot root)
    {
        var marker = "\0--root=" + root.Path + "\0";
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            string cmdline;
            try { cmdline = File.ReadAllText(Path.Join(dir, "cmdline")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            if (!(cmdline + "\0").Contains(marker, StringComparison.Ordinal)) continue;
            try
            {
                using var p = System.Diagnostics.Process.GetProcessById(pid);
                p.Kill();
                p.WaitForExit(5000);
            }
            catch (ArgumentException) { }
            catch (InvalidOperationException) { }
        }
    }

    [PublishedFact]
    public void QuietEnableAndDisablePrintNothing()
    {
        using var root = new TempRoot();
        root.WriteUnit("multi-user.target", "[Unit]\nDescription=m\n", "/usr/lib/systemd/system");
        root.WriteUnit("app.service", "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n");
        var on = Published.RunSystemctl(root, "-q", "enable", "app");
        Assert.Equal((0, "", ""), (on.ExitCode, on.Stdout, on.Stderr));
        Assert.True(root.IsLink("/etc/systemd/system/multi-user.target.wants/app.service"));
        var off = Published.RunSystemctl(root, "disable", "app", "--quiet");
        Assert.Equal((0, "", ""), (off.ExitCode, off.Stdout, off.Stderr));
        Assert.False(root.Exists("/etc/systemd/system/multi-user.target.wants/app.service"));
    }

    [PublishedFact]
    public void SysVScriptIsListedAsGeneratedAndIsEnabledByItsRcLinks()
    {
        using var root = new TempRoot();
        root.WriteScript("/etc/init.d/legacy",
            "#!/bin/sh\n### BEGIN INIT INFO\n# Provides: legacy\n# Short-Description: Legacy\n### END INIT INFO\n"
            + "exit 0\n");
        var list = Published.RunSystemctl(root, "list-unit-files", "--no-legend", "legacy*");
        Assert.Equal("legacy.service generated -\n", list.Stdout);
        var state = Published.RunSystemctl(root, "is-enabled", "legacy");
        Assert.Equal((1, "disabled\n"), (state.ExitCode, state.Stdout));
        root.Link("/etc/rc2.d/S01legacy", "../init.d/legacy");
        var enabled = Published.RunSystemctl(root, "is-enabled", "legacy");
        Assert.Equal((0, "enabled\n"), (enabled.ExitCode, enabled.Stdout));
    }

    [PublishedFact]
    public void MissingArgumentsAndBadPresetModeAreOneLineErrors()
    {
        using var root = new TempRoot();
        var enable = Published.RunSystemctl(root, "enable");
        Assert.Equal((1, "Too few arguments.\n"), (enable.ExitCode, enable.Stderr));
        var presetAll = Published.RunSystemctl(root, "preset-all", "x");
        Assert.Equal((1, "Too many arguments.\n"), (presetAll.ExitCode, presetAll.Stderr));
        var mode = Published.RunSystemctl(root, "preset-all", "--preset-mode=sideways");
        Assert.Equal(1, mode.ExitCode);
        Assert.Contains("Failed to parse preset mode: sideways.", mode.Stderr);
    }
}
