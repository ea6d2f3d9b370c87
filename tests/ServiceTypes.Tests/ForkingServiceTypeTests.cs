using Platform.Abstractions;
using Platform.Exec;
using Platform.ServiceTypes.Tests.Support;
using Platform.TestSupport;

namespace Platform.ServiceTypes.Tests;

public sealed class ForkingServiceTypeTests : IDisposable
{
    private readonly ProcessTracker _tracker = new();
    private readonly TempRoot _root = new();

    public void Dispose()
    {
        _tracker.Dispose();
        _root.Dispose();
    }

    private ServiceContext Context(UnitDefinition unit, TimeSpan? timeout = null) =>
        _tracker.Track(new ServiceContext(new ServiceContextOptions
    {
        Unit = unit, Spawner = TestHelper.Spawner, StartTimeout = timeout, Root = _root.Path,
    }));

    [Fact]
    public async Task ForkingReadsTheMainPidFromThePidFileWrittenAfterTheParentExits()
    {
        var script = _root.WriteScript("/bin/daemon.sh", $$"""
            #!/bin/sh
            setsid sh -c 'sleep 0.2; echo $$ > {{_root.Combine("/run/d.pid")}}; exec sleep 300' &
            exit 0
            """);
        Directory.CreateDirectory(_root.Combine("/run"));
        var context = Context(TestUnits.Service(("Type", "forking"), ("ExecStart", script), ("PIDFile", "/run/d.pid")));
        var result = await context.StartAsync(new ForkingServiceType());
        _tracker.TrackPid(result.MainPid);
        Assert.True(result.Success, result.Message);
        Assert.Equal(int.Parse(File.ReadAllText(_root.Combine("/run/d.pid"))), result.MainPid);
        Assert.True(ProcFs.IsAlive(result.MainPid));
        Assert.Equal(result.MainPid, ProcFs.SessionId(result.MainPid));
    }

    [Fact]
    public async Task ForkingWithoutPidFileGuessesTheProcessLeftInTheSession()
    {
        var script = _root.WriteScript("/bin/daemon.sh", "#!/bin/sh\nsleep 300 &\nexit 0\n");
        var context = Context(TestUnits.Service(("Type", "forking"), ("ExecStart", script)));
        var result = await context.StartAsync(new ForkingServiceType());
        Assert.True(result.Success, result.Message);
        Assert.NotEqual(context.Spawned[0].Pid, result.MainPid);
        Assert.Equal(context.Spawned[0].Pid, ProcFs.SessionId(result.MainPid));
        // The background child may still be on its way from the forked shell into execve("sleep").
        Assert.True(ProcStatus.WaitFor(() => ProcStatus.CommandLine(result.MainPid).StartsWith("sleep 300"),
            TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ForkingFailsWhenTheStartCommandFails()
    {
        var context = Context(TestUnits.Service(("Type", "forking"), ("ExecStart", "/bin/sh -c 'exit 3'")));
        var result = await context.StartAsync(new ForkingServiceType());
        Assert.False(result.Success);
        Assert.Equal("exit-code", result.Result);
        Assert.Equal(ProcessExit.FromExitStatus(3), result.MainExit);
        Assert.Equal("Control process exited, code=exited, status=3/NOTIMPLEMENTED", result.Message);
    }

    [Fact]
    public async Task ForkingTimesOutWhenThePidFileNeverAppears()
    {
        var context = Context(TestUnits.Service(("Type", "forking"), ("ExecStart", "/bin/true"),
            ("PIDFile", "/run/never.pid")), TimeSpan.FromMilliseconds(300));
        var result = await context.StartAsync(new ForkingServiceType());
        Assert.Equal((false, "timeout"), (result.Success, result.Result));
    }
}
