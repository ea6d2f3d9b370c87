using Platform.Abstractions;
using Platform.Exec;
using Platform.ServiceTypes.Tests.Support;
using Platform.TestSupport;

namespace Platform.ServiceTypes.Tests;

/// <summary>User= through the <c>__exec</c> helper (these tests run as root).</summary>
public sealed class UserSwitchTests(ITestOutputHelper output) : IDisposable
{
    private readonly ProcessTracker _tracker = new();
    private readonly TempRoot _root = new();

    public void Dispose()
    {
        _tracker.Dispose();
        _root.Dispose();
    }

    [Fact]
    public void ServiceRunsAsNobodyWithCleanSignalsAndDescriptors()
    {
        var nobody = UserCredentials.Resolve("nobody");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var child = _tracker.Track(TestHelper.Spawner.Spawn(new SpawnRequest
        {
            Path = "/bin/sleep", Arguments = ["sleep", "30"], Credentials = nobody, WorkingDirectory = "/tmp",
                Environment = ["A=1"],
        }));
        output.WriteLine(
            $"Spawn through the __exec helper (dotnet + test assembly) to exec done: "
            + $"{watch.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Equal($"{nobody.Uid}\t{nobody.Uid}\t{nobody.Uid}\t{nobody.Uid}", ProcStatus.Field(child.Pid, "Uid"));
        Assert.Equal($"{nobody.Gid}\t{nobody.Gid}\t{nobody.Gid}\t{nobody.Gid}", ProcStatus.Field(child.Pid, "Gid"));
        Assert.Equal(string.Join(' ', nobody.Groups), ProcStatus.Field(child.Pid, "Groups"));
        // The helper is a .NET process (which ignores SIGPIPE): it must hand over clean dispositions and only fds 0-2.
        Assert.Equal(0UL, ProcStatus.IgnoredSignals(child.Pid));
        Assert.Equal([0, 1, 2], ProcStatus.Fds(child.Pid));
        Assert.Equal(child.Pid, ProcFs.SessionId(child.Pid));
        Assert.Equal("/tmp", ProcStatus.Cwd(child.Pid));
        Assert.Equal("sleep", File.ReadAllText($"/proc/{child.Pid}/comm").Trim());
        // The helper ran with .NET diagnostics off (no socket left in /tmp) and that setting does not reach the
        // service.
        Assert.Equal("A=1", File.ReadAllText($"/proc/{child.Pid}/environ").TrimEnd('\0'));
        // The runtime names its socket after pid and start time; a stale socket of an older process with this pid is
        // not ours.
        Assert.Empty(
            Directory.GetFiles(Path.GetTempPath(), $"dotnet-diagnostic-{child.Pid}-{ProcFs.StartTime(child.Pid)}-*"));
    }

    [Fact]
    public async Task HelperAppliesUmaskAndSupplementaryGroups()
    {
        var dir = _root.Combine("/shared");
        Directory.CreateDirectory(dir);
        File.SetUnixFileMode(_root.Path, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_111_111);
        var nobody = UserCredentials.Resolve("nobody", supplementaryGroups: ["daemon"]);
        var child = _tracker.Track(TestHelper.Spawner.Spawn(new SpawnRequest
        {
            Path = "/bin/sh", Arguments = ["sh", "-c", "id -G > groups; touch made"], Credentials = nobody,
                WorkingDirectory = dir, Umask = 0x3F,
        }));
        Assert.Equal(ProcessExit.FromExitStatus(0), await child.Exited.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(Path.Join(dir, "made")));
        Assert.Contains("1", File.ReadAllText(Path.Join(dir, "groups")).Split(' ', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void HelperReportsExecAndDirectoryFailuresAsStartErrors()
    {
        var nobody = UserCredentials.Resolve("nobody");
        File.SetUnixFileMode(_root.Path, (UnixFileMode)0b111_101_101);
        var noShebang = _root.WriteScript("/bin/noshebang", "echo hi\n");
        var e = Assert.Throws<ServiceStartException>(() =>
            TestHelper.Spawner.Spawn(new SpawnRequest { Path = noShebang, Arguments = ["x"], Credentials = nobody }));
        Assert.Equal($"Failed to execute {noShebang}: Exec format error", e.Message);
        e = Assert.Throws<ServiceStartException>(() => TestHelper.Spawner.Spawn(new SpawnRequest
        {
            Path = "/bin/true", Arguments = ["true"], Credentials = nobody,
                WorkingDirectory = _root.Combine("/missing"),
        }));
        Assert.Equal("Changing to the requested working directory failed: No such file or directory", e.Message);
    }
}
