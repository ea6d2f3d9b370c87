using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>
/// Path units served by the init as PID 1 of a PID namespace: enabled ones from the boot, started ones from a shell.
/// </summary>
public sealed class PathUnitInitTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    private static int Runs(string log) => File.Exists(log) ? File.ReadAllLines(log).Length : 0;

    [InitFact]
    public void TheInitWatchesEnabledAndLaterStartedPathUnitsWithoutAWatcherProcess()
    {
        var log = _box.File("jobs.log");
        _box.Unit("inbox.path",
            "[Path]\nDirectoryNotEmpty=/inbox\nMakeDirectory=yes\n[Install]\nWantedBy=paths.target\n");
        _box.Unit("inbox.service",
            $"[Service]\nType=oneshot\nExecStart=/bin/sh -c 'echo inbox >> {log}; rm -f {_box.File("inbox")}/*'\n");
        _box.Unit("conf.path", "[Path]\nPathModified=/etc/app.conf\n");
        _box.Unit("conf.service", $"[Service]\nType=oneshot\nExecStart=/bin/sh -c 'echo conf >> {log}'\n");
        File.WriteAllText(_box.File("etc/app.conf"), "a=1\n");
        Assert.Equal(0, _box.Systemctl("enable", "inbox.path").ExitCode);
        using var init = new InitNamespace(_box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);
        Assert.Equal("waiting", init.Property("inbox.path", "SubState"));
        Assert.True(Directory.Exists(_box.File("inbox")));

        File.WriteAllText(_box.File("inbox/mail"), "");
        Assert.True(ServiceSandbox.WaitFor(() => Runs(log) == 1, TimeSpan.FromSeconds(15)), init.Output);
        Assert.True(ServiceSandbox.WaitFor(() => init.Property("inbox.path", "SubState") == "waiting",
            TimeSpan.FromSeconds(15)));

        Assert.Equal(0, init.Systemctl("start", "conf.path").ExitCode);
        File.AppendAllText(_box.File("etc/app.conf"), "b=2\n");
        Assert.True(ServiceSandbox.WaitFor(() => File.ReadAllText(log).Contains("conf\n", StringComparison.Ordinal),
            TimeSpan.FromSeconds(15)), init.Output);
        // The init serves both itself: no detached watcher runs in the namespace.
        Assert.DoesNotContain("__pathwatch", init.Exec("ps", "-eo", "args").Stdout);

        // One append is a modify and a close-after-write: when the first run ends before the second event is read, the
        // unit runs twice, as under systemd. Let that settle before stopping, then count.
        Assert.True(ServiceSandbox.WaitFor(() => init.Property("conf.path", "SubState") == "waiting"
            && init.Property("conf.service", "ActiveState") == "inactive", TimeSpan.FromSeconds(15)));
        Assert.Equal(0, init.Systemctl("stop", "conf.path").ExitCode);
        var before = File.ReadAllLines(log);
        File.AppendAllText(_box.File("etc/app.conf"), "c=3\n");
        File.WriteAllText(_box.File("inbox/mail2"), "");
        Assert.True(ServiceSandbox.WaitFor(() => Runs(log) == before.Length + 1, TimeSpan.FromSeconds(15)));
        // The stopped path unit no longer fires: only inbox ran since.
        Assert.Equal([.. before, "inbox"], File.ReadAllLines(log));
    }

    [InitFact]
    public void DaemonReloadRearmsPathUnitsFromTheirChangedFilesAndDisarmsRemovedOnes()
    {
        var log = _box.File("jobs.log");
        foreach (var name in new[] { "first", "second", "gone" })
            _box.Unit(name + ".service",
                $"[Service]\nType=oneshot\nExecStart=/bin/sh -c 'echo {name} >> {log}; rm -f {_box.File("flag-b")}'\n");
        _box.Unit("watch.path", "[Path]\nPathExists=/flag-a\nUnit=first.service\n[Install]\nWantedBy=paths.target\n");
        _box.Unit("gone.path", "[Path]\nPathExists=/flag-c\n[Install]\nWantedBy=paths.target\n");
        Assert.Equal(0, _box.Systemctl("enable", "watch.path", "gone.path").ExitCode);
        using var init = new InitNamespace(_box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);
        Assert.Equal("waiting", init.Property("watch.path", "SubState"));

        _box.Unit("watch.path", "[Path]\nPathExists=/flag-b\nUnit=second.service\n[Install]\nWantedBy=paths.target\n");
        File.Delete(_box.File("etc/systemd/system/gone.path"));
        var reload = init.Systemctl("daemon-reload");
        Assert.True(reload.ExitCode == 0, reload.ToString());
        Assert.Equal("/flag-b (PathExists)", init.Property("watch.path", "Paths"));

        // Old conditions first: once the reload is answered nothing watches them any more.
        File.WriteAllText(_box.File("flag-a"), "");
        File.WriteAllText(_box.File("flag-c"), "");
        File.WriteAllText(_box.File("flag-b"), "");
        Assert.True(ServiceSandbox.WaitFor(() =>
            File.Exists(log) && File.ReadAllText(log).Contains("second\n", StringComparison.Ordinal),
            TimeSpan.FromSeconds(15)), init.Output);
        Assert.Equal("second\n", File.ReadAllText(log).Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct()
            .Aggregate("", (a, l) => a + l + "\n"));
    }
}
