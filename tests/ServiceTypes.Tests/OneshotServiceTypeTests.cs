using Platform.Abstractions;
using Platform.Exec;
using Platform.ServiceTypes.Tests.Support;
using Platform.TestSupport;

namespace Platform.ServiceTypes.Tests;

public sealed class OneshotServiceTypeTests : IDisposable
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

    [Theory]
    [InlineData("yes", "exited")]
    [InlineData("no", "dead")]
    public async Task OneshotRunsEveryCommandInOrderAndLeavesNoMainProcess(string remain, string subState)
    {
        var log = _root.Combine("/log");
        var context = Context(TestUnits.Service(("Type", "oneshot"), ("RemainAfterExit", remain),
            ("ExecStart", $"/bin/sh -c 'echo one >> {log}'"),
                ("ExecStart", $"-/bin/sh -c 'echo two >> {log}; exit 1' ; /bin/sh -c 'echo three >> {log}'")));
        var result = await context.StartAsync(new OneshotServiceType());
        Assert.True(result.Success, result.Message);
        Assert.Equal((0, subState), (result.MainPid, result.SubState));
        Assert.Equal("one\ntwo\nthree\n", File.ReadAllText(log));
    }

    [Fact]
    public async Task OneshotStopsAtTheFirstFailingCommand()
    {
        var log = _root.Combine("/log");
        var context = Context(TestUnits.Service(("Type", "oneshot"),
            ("ExecStart", "-/no/such/program"), ("ExecStart", $"/bin/sh -c 'echo one >> {log}; kill -TERM $$$$'"),
                ("ExecStart", $"/bin/sh -c 'echo two >> {log}'")));
        var result = await context.StartAsync(new OneshotServiceType());
        Assert.Equal((false, "signal"), (result.Success, result.Result));
        Assert.Equal(ProcessExit.FromSignal(15), result.MainExit);
        Assert.Equal("one\n", File.ReadAllText(log));
    }

    [Fact]
    public async Task OneshotHasNoStartTimeoutByDefaultButHonoursAnExplicitOne()
    {
        Assert.Equal(SystemdValues.Infinity, ServiceTimeouts.Start(TestUnits.Service(("Type", "oneshot"))));
        Assert.Equal(TimeSpan.FromSeconds(90), ServiceTimeouts.Start(TestUnits.Service(("Type", "simple"))));
        var unit = TestUnits.Service(("Type", "oneshot"), ("ExecStart", "/bin/sleep 30"), ("TimeoutStartSec", "300ms"));
        var context = Context(unit);
        Assert.Equal(TimeSpan.FromMilliseconds(300), context.StartTimeout);
        var result = await context.StartAsync(new OneshotServiceType());
        Assert.Equal((false, "timeout"), (result.Success, result.Result));
        Assert.Equal(context.Spawned[0].Pid, result.MainPid);
    }
}
