using Platform.Abstractions;
using Platform.Exec;
using Platform.Interop;
using Platform.ServiceTypes.Tests.Support;
using Platform.TestSupport;

namespace Platform.ServiceTypes.Tests;

public sealed class ProcessSpawnerTests : IDisposable
{
    private readonly ProcessTracker _tracker = new();
    private readonly TempRoot _root = new();

    public void Dispose()
    {
        _tracker.Dispose();
        _root.Dispose();
    }

    private ChildProcess Spawn(SpawnRequest request) => _tracker.Track(TestHelper.Spawner.Spawn(request));

    private ChildProcess Sleep(SpawnRequest? template = null)
        => Spawn((template ?? new SpawnRequest { Path = "", Arguments = [] }) with { Path = "/bin/sleep",
            Arguments = ["sleep", "30"] });

    [Fact]
    public void ServiceLeadsItsOwnSessionWithStdinFromDevNullAndOnlyThreeDescriptors()
    {
        // A descriptor without close-on-exec in this process must still not reach the service.
        var leaked = LibC.fcntl(0, LibC.F_DUPFD, 0);
        try
        {
            var child = Sleep();
            Assert.Equal(child.Pid, ProcFs.SessionId(child.Pid));
            Assert.Equal(child.Pid, ProcFs.ProcessGroup(child.Pid));
            Assert.Equal("/dev/null", ProcStatus.FdTarget(child.Pid, 0));
            Assert.Equal([0, 1, 2], ProcStatus.Fds(child.Pid));
            Assert.Equal("/", ProcStatus.Cwd(child.Pid));
        }
        finally { LibC.close(leaked); }
    }

    [Fact]
    public void ServiceHasDefaultSignalDispositionsAndNothingBlocked()
    {
        var child = Sleep();
        // The runtime ignores SIGPIPE in this process; the service must not inherit that.
        Assert.Equal(0UL, ProcStatus.IgnoredSignals(child.Pid));
        Assert.Equal("0000000000000000", ProcStatus.Field(child.Pid, "SigBlk"));
    }

    [Fact]
    public void ServiceOutlivesTheProcessThatSpawnedItAndHoldsNoPipeToIt()
    {
        // CommandRunner reads the spawner's stdout to EOF: it returns early only if the service holds no copy of that
        // pipe.
        var result = CommandRunner.Run(TestHelper.Dotnet, [TestHelper.Assembly, "__spawn", "/bin/sleep", "30"],
            timeout: TimeSpan.FromSeconds(20));
        Assert.Equal(0, result.ExitCode);
        var pid = _tracker.TrackPid(int.Parse(result.Stdout.Trim()));
        Assert.True(ProcFs.IsAlive(pid));
        Assert.Equal(pid, ProcFs.SessionId(pid));
        Assert.Equal([0, 1, 2], ProcStatus.Fds(pid));
        Assert.DoesNotContain("pipe:", ProcStatus.FdTarget(pid, 1) ?? "");
    }

    [Fact]
    public async Task WorkingDirectoryAndUmaskAreApplied()
    {
        var dir = _root.Combine("/srv");
        Directory.CreateDirectory(dir);
        var child = Spawn(new SpawnRequest
        {
            Path = "/bin/sh", Arguments = ["sh", "-c", "touch made; mkdir madedir"], WorkingDirectory = dir,
            Umask = 0x3F /* 077 */,
        });
        Assert.Equal(ProcessExit.FromExitStatus(0), await child.Exited);
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(Path.Join(dir, "made")));
        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(Path.Join(dir, "madedir")));
    }

    [Fact]
    public void MissingWorkingDirectoryFailsUnlessOptional()
    {
        var missing = _root.Combine("/no/such/dir");
        var e = Assert.Throws<ServiceStartException>(() =>
            Sleep(new SpawnRequest { Path = "", Arguments = [], WorkingDirectory = missing }));
        Assert.Equal("Changing to the requested working directory failed: No such file or directory", e.Message);
        var child = Sleep(new SpawnRequest { Path = "", Arguments = [], WorkingDirectory = missing,
            WorkingDirectoryOptional = true });
        Assert.Equal("/", ProcStatus.Cwd(child.Pid));
    }

    [Fact]
    public void MissingOrUnrunnableExecutablesFailWithSystemdMessages()
    {
        var e = Assert.Throws<ServiceStartException>(() =>
            Spawn(new SpawnRequest { Path = "/no/such/program", Arguments = ["x"] }));
        Assert.Equal("Failed to locate executable /no/such/program: No such file or directory", e.Message);
        var notExecutable = _root.Write("/bin/plain", "echo hi\n");
        e = Assert.Throws<ServiceStartException>(() =>
            Spawn(new SpawnRequest { Path = notExecutable, Arguments = ["x"] }));
        Assert.Equal($"Failed to locate executable {notExecutable}: Permission denied", e.Message);
        // No "#!" line: execve itself fails, and glibc's posix_spawn reports that as its result (Type=exec relies on
        // it).
        var noShebang = _root.WriteScript("/bin/noshebang", "echo hi\n");
        e = Assert.Throws<ServiceStartException>(() => Spawn(new SpawnRequest { Path = noShebang, Arguments = ["x"] }));
        Assert.Equal($"Failed to execute {noShebang}: Exec format error", e.Message);
    }

    [Fact]
    public void SpawnsInARowEachReturnTheirOwnRunningChild()
    {
        // How fast a spawn is belongs to bench/, not here.
        var pids = Enumerable.Range(0, 21).Select(_ => Sleep().Pid).ToList();
        Assert.Equal(pids.Count, pids.Distinct().Count());
        // A spawn returns once the child runs the exec helper; its own exec into sleep follows a moment later.
        Assert.All(pids, pid => Assert.True(
            ProcStatus.WaitFor(() => ProcStatus.CommandLine(pid).StartsWith("sleep 30", StringComparison.Ordinal),
                TimeSpan.FromSeconds(10)),
            ProcStatus.CommandLine(pid)));
    }
}
