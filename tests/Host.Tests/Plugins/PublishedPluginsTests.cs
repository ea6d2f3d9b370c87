using Platform.TestSupport;

namespace Platform.Host.Tests.Plugins;

/// <summary>
/// The built-in plugins as the published native systemctl carries them: linked in, one file to install.
/// </summary>
public sealed class PublishedPluginsTests
{
    [PublishedFact]
    public void TheNativeSystemctlListsEveryBuiltInExportAsLinkedAndLoaded()
    {
        using var root = new TempRoot();
        var result = Published.RunSystemctl(root, "list-plugins", "--no-legend");
        Assert.True(result.ExitCode == 0 && result.Stderr.Length == 0, result.ToString());
        var rows = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(14, rows.Length);
        Assert.All(rows, row => Assert.Matches(@" 0\.1\.0 +loaded +\(built-in\)$", row));
        foreach (var store in (string[])["json", "sqlite"])
            Assert.Contains(rows, row => row.StartsWith("status-store ", StringComparison.Ordinal)
                && row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] == store);
    }

    [PublishedFact]
    public void TheInstallFolderIsTheExecutableItsTwoNamesAndTheSqliteLibrary()
    {
        var entries = Directory.GetFileSystemEntries(Published.Directory).Select(Path.GetFileName).Order();
        Assert.Equal(["journalctl", "libe_sqlite3.so", "systemctl", "systemd-notify"], entries);
    }

    [PublishedFact]
    public void TheNativeSystemctlKeepsUnitStateInTheSqliteStore()
    {
        using var root = new TempRoot();
        root.Write("etc/platform/systemctl.conf", "StatusStore=sqlite\n");
        root.Write("etc/systemd/system/once.service",
            "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n");
        var start = Published.RunSystemctl(root, "start", "once.service");
        Assert.True(start.ExitCode == 0, start.ToString());
        var active = Published.RunSystemctl(root, "is-active", "once.service");
        Assert.Equal(("active\n", 0), (active.Stdout, active.ExitCode));
        Assert.NotEmpty(Directory.GetFiles(root.Path, "*.db", SearchOption.AllDirectories));
        Assert.True(Published.RunSystemctl(root, "stop", "once.service").ExitCode == 0);
    }
}
