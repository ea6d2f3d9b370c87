using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>
/// Path units without an init: <c>start x.path</c> leaves a detached watcher that starts the unit through a fresh
/// <c>systemctl start</c> when a watched path appears or changes (inotify), in a temporary root, in real time.
/// </summary>
public sealed class PathUnitTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    /// <summary>A path unit and the oneshot it triggers, which appends a line per run to a log.</summary>
    private string PathUnit(string name, string pathSettings, string serviceExtra = "")
    {
        var log = _box.File(name + ".log");
        _box.Unit(name + ".path", $"[Unit]\nDescription=Watch {name}\n[Path]\n{pathSettings}\n");
        _box.Unit(name + ".service",
            $"[Service]\nType=oneshot\n{serviceExtra}ExecStart=/bin/sh -c 'echo run >> {log}'\n");
        return log;
    }

    private static int Runs(string log) => File.Exists(log) ? File.ReadAllLines(log).Length : 0;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public void PathExistsTriggersWhenTheFileAppearsInAFolderThatDoesNotExistYet()
    {
        var log = PathUnit("appear", "PathExists=/spool/deep/flag");
        Assert.Equal(0, _box.Systemctl("start", "appear.path").ExitCode);
        Assert.Equal("waiting", _box.Property("appear.path", "SubState"));
        Assert.Equal(0, Runs(log));

        Directory.CreateDirectory(_box.File("spool/deep"));
        File.WriteAllText(_box.File("spool/deep/flag"), "");

        Assert.True(ServiceSandbox.WaitFor(() => Runs(log) >= 1, Patience),
            _box.Systemctl("status", "appear.path").ToString());
        // While the file exists each end of the oneshot fires it again (as systemd does); removing it ends that.
        File.Delete(_box.File("spool/deep/flag"));
        Assert.True(ServiceSandbox.WaitFor(() => _box.Property("appear.path", "SubState") == "waiting", Patience));
        var settled = Runs(log);
        Assert.True(ServiceSandbox.WaitFor(() => _box.Property("appear.service", "ActiveState") == "inactive",
            Patience));
        Assert.Equal(settled, Runs(log));
        Assert.Equal("active", _box.Property("appear.path", "ActiveState"));
    }

    [Theory]
    [InlineData(0, "inactive", "success")]
    [InlineData(3, "failed", "exit-code")]
    public void ALongRunningServiceItTriggeredIsSettledByItsOwnExitStatus(int code, string state, string result)
    {
        var done = _box.File("done");
        _box.Unit("long.path", "[Path]\nPathChanged=/data/kick\n");
        _box.Unit("long.service",
            $"[Service]\nExecStart=/bin/sh -c 'while [ ! -e {done} ]; do sleep 0.05; done; exit {code}'\n");
        Directory.CreateDirectory(_box.File("data"));
        Assert.Equal(0, _box.Systemctl("start", "long.path").ExitCode);

        File.WriteAllText(_box.File("data/kick"), "go");
        Assert.True(ServiceSandbox.WaitFor(() => _box.Property("long.service", "SubState") == "running", Patience));
        // The `systemctl start` the watcher ran has ended: the service's parent is now the watcher, which reaps it.
        File.WriteAllText(done, "");

        Assert.True(ServiceSandbox.WaitFor(() => _box.Property("long.service", "ActiveState") == state, Patience),
            _box.Systemctl("status", "long.service").ToString());
        Assert.Equal(result, _box.Property("long.service", "Result"));
        Assert.Equal("active", _box.Property("long.path", "ActiveState"));
    }

    [Fact]
    public void PathChangedFiresOnCloseAfterWriteAndPathModifiedOnEveryWrite()
    {
        var changed = PathUnit("changed", "PathChanged=/data/file");
        var modified = PathUnit("modified", "PathModified=/data/other");
        Directory.CreateDirectory(_box.File("data"));
        File.WriteAllText(_box.File("data/file"), "a");
        File.WriteAllText(_box.File("data/other"), "a");
        Assert.Equal(0, _box.Systemctl("start", "changed.path", "modified.path").ExitCode);
        Assert.Equal(0, Runs(changed));

        File.AppendAllText(_box.File("data/file"), "b");
        Assert.True(ServiceSandbox.WaitFor(() => Runs(changed) == 1, Patience));
        Assert.True(ServiceSandbox.WaitFor(() => _box.Property("changed.path", "SubState") == "waiting", Patience));
        Assert.Equal(1, Runs(changed));

        using (var stream = new FileStream(_box.File("data/other"), FileMode.Append))
        {
            stream.Write("c"u8);
            stream.Flush();
            // Still open: PathModified= fires on the write itself, before the close.
            Assert.True(ServiceSandbox.WaitFor(() => Runs(modified) >= 1, Patience));
        }
    }

    [Fact]
    public void DirectoryNotEmptyWithMakeDirectoryCreatesTheFolderAndFiresOnTheFirstEntry()
    {
        var log = PathUnit("queue", "DirectoryNotEmpty=/var/queue\nMakeDirectory=yes\nDirectoryMode=0700");
        // The job empties the queue, so the path unit goes back to waiting.
        _box.Unit("queue.service",
            $"[Service]\nType=oneshot\nExecStart=/bin/sh -c 'echo run >> {log}; rm -f {_box.File("var/queue")}/*'\n");
        Assert.Equal(0, _box.Systemctl("start", "queue.path").ExitCode);
        var folder = new DirectoryInfo(_box.File("var/queue"));
        Assert.True(folder.Exists);
        Assert.Equal((UnixFileMode)0b111_000_000, folder.UnixFileMode);

        File.WriteAllText(_box.File("var/queue/job1"), "");

        Assert.True(ServiceSandbox.WaitFor(() => Runs(log) >= 1, Patience));
        Assert.True(ServiceSandbox.WaitFor(() => _box.Property("queue.path", "SubState") == "waiting", Patience));
        Assert.Empty(folder.GetFiles());
    }

    [Fact]
    public void TheTriggerLimitFailsTheUnitAndStopEndsTheWatcher()
    {
        var log = PathUnit("limited", "PathExists=/always\nTriggerLimitBurst=3\nTriggerLimitIntervalSec=1h");
        File.WriteAllText(_box.File("always"), "");

        Assert.Equal(0, _box.Systemctl("start", "limited.path").ExitCode);

        Assert.True(ServiceSandbox.WaitFor(() => _box.Property("limited.path", "Result") == "trigger-limit-hit",
            Patience), _box.Systemctl("status", "limited.path").ToString());
        Assert.Equal("failed", _box.Property("limited.path", "ActiveState"));
        Assert.Equal(3, Runs(log));

        var other = PathUnit("stopped", "PathExists=/later");
        Assert.Equal(0, _box.Systemctl("start", "stopped.path").ExitCode);
        Assert.True(ServiceSandbox.WaitFor(() => WatcherPids().Length == 1, Patience));
        var watcher = WatcherPids()[0];
        Assert.Equal(0, _box.Systemctl("stop", "stopped.path").ExitCode);
        Assert.True(ServiceSandbox.WaitFor(() => !ServiceSandbox.IsAlive(watcher), Patience));
        File.WriteAllText(_box.File("later"), "");
        Assert.Equal("inactive", _box.Property("stopped.path", "ActiveState"));
        Assert.Equal(0, Runs(other));
    }

    [Fact]
    public void ShowStatusAndListPathsDescribeThePathUnit()
    {
        PathUnit("shown", "PathExists=/a\nPathChanged=/b\nMakeDirectory=yes\nDirectoryMode=0750\nTriggerLimitBurst=7");
        Assert.Equal(0, _box.Systemctl("start", "shown.path").ExitCode);

        var show = _box.Systemctl("show", "shown.path", "-p",
            "Unit,Paths,MakeDirectory,DirectoryMode,Result,TriggerLimitIntervalUSec,TriggerLimitBurst,Triggers,"
            + "SubState").Stdout;
        Assert.Equal(
            "Unit=shown.service\nPaths=/b (PathChanged)\nPaths=/a (PathExists)\nMakeDirectory=yes\nDirectoryMode=0750\n"
            + "Result=success\n"
            + "TriggerLimitIntervalUSec=2s\nTriggerLimitBurst=7\nTriggers=shown.service\nSubState=waiting\n", show);
        Assert.Contains("shown.service", _box.Property("shown.path", "Before").Split(' '));
        var status = _box.Systemctl("status", "shown.path").Stdout;
        Assert.Contains("Active: active (waiting) since", status);
        Assert.Contains("Triggers: ● shown.service", status);
        var list = _box.Systemctl("list-paths").Stdout.Split('\n');
        Assert.Matches("^PATH +CONDITION +UNIT +ACTIVATES$", list[0]);
        Assert.Matches("^/a +PathExists +shown.path +shown.service$", list[1]);
        Assert.Matches("^/b +PathChanged +shown.path +shown.service$", list[2]);
        Assert.Equal(["", "2 paths listed.", "Pass --all to see loaded but inactive paths, too.", ""], list[3..]);
        Assert.Contains("shown.path loaded active waiting Watch shown",
            _box.Systemctl("list-units", "--type=path").Stdout);
    }

    private int[] WatcherPids()
        => Directory.GetDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Where(pid =>
            {
                try
                {
                    return File.ReadAllText($"/proc/{pid}/cmdline")
                        .Contains("__pathwatch\0stopped.path\0--root=" + _box.Path, StringComparison.Ordinal);
                }
                catch (IOException) { return false; }
                catch (UnauthorizedAccessException) { return false; }
            }).ToArray();
}
