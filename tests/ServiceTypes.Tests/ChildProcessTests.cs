using System.Diagnostics;
using Platform.Abstractions;
using Platform.Exec;
using Platform.ServiceTypes.Tests.Support;
using Platform.TestSupport;

namespace Platform.ServiceTypes.Tests;

public sealed class ChildProcessTests : IDisposable
{
    private readonly ProcessTracker _tracker = new();
    private readonly TempRoot _root = new();

    public void Dispose()
    {
        _tracker.Dispose();
        _root.Dispose();
    }

    private ChildProcess Shell(string script, string? directory = null)
        => _tracker.Track(TestHelper.Spawner.Spawn(new SpawnRequest { Path = "/bin/sh",
            Arguments = ["sh", "-c", script], WorkingDirectory = directory ?? "/" }));

    [Theory]
    [InlineData("exit 0", ProcessExit.Exited, 0)]
    [InlineData("exit 7", ProcessExit.Exited, 7)]
    [InlineData("exit 255", ProcessExit.Exited, 255)]
    [InlineData("kill -TERM $$", ProcessExit.Killed, 15)]
    [InlineData("kill -KILL $$", ProcessExit.Killed, 9)]
    [InlineData("kill -PIPE $$", ProcessExit.Killed, 13)]
    public async Task ExitIsDecodedAsStatusOrSignal(string script, int code, int status)
    {
        var exit = await Shell(script).Exited.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(new ProcessExit(code, status), exit);
    }

    [Fact]
    public async Task CoreDumpIsReportedAsDumped()
    {
        // The service starts with this process's core limit; raise the soft limit inside so SIGQUIT dumps (into the
        // cwd).
        var exit = await Shell("ulimit -c unlimited && kill -QUIT $$", _root.Path)
            .Exited.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ProcessExit.FromSignal(3, coreDumped: true), exit);
        Assert.Equal("core-dump", exit.FailureResult);
    }

    [Fact]
    public async Task ExitStatusIsNotStolenByTheRuntimesOwnChildReaping()
    {
        // A Process.Start child makes the runtime reap on SIGCHLD; it must only take its own children.
        using var other = Process.Start(new ProcessStartInfo("/bin/sleep", "0.2") { UseShellExecute = false })!;
        var ours = Shell("sleep 0.3; exit 42");
        var quick = Shell("exit 3");
        Assert.Equal(ProcessExit.FromExitStatus(3), await quick.Exited.WaitAsync(TimeSpan.FromSeconds(10)));
        await other.WaitForExitAsync();
        Assert.Equal(0, other.ExitCode);
        Assert.Equal(ProcessExit.FromExitStatus(42), await ours.Exited.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ManyChildrenAreWatchedAtOnceWithoutPolling()
    {
        var children = Enumerable.Range(1, 20).Select(i => Shell($"sleep 0.{i % 5}; exit {i}")).ToList();
        var exits = await Task.WhenAll(children.Select(c => c.Exited)).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(Enumerable.Range(1, 20).Select(ProcessExit.FromExitStatus), exits);
        Assert.All(children, c => Assert.Null(ProcFs.ReadStat(c.Pid) is { IsZombie: true } ? "zombie" : null));
    }

    [Fact]
    public void StartTimeComesFromProcStat()
    {
        var child = Shell("sleep 30");
        Assert.NotEqual(0UL, child.StartTime);
        Assert.Equal(ProcFs.StartTime(child.Pid), child.StartTime);
        Assert.True(ProcFs.IsAlive(child.Pid, child.StartTime));
        Assert.False(ProcFs.IsAlive(child.Pid, child.StartTime + 1));
    }

    [Fact]
    public void StatParsingCountsFieldsFromTheLastParenthesis()
    {
        var stat = ProcFs.Parse(42, "42 (a) b (c) S 1 40 41 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 123456 0 0");
        Assert.Equal(new ProcStat(42, 'S', 1, 40, 41, 123456), stat);
    }
}
