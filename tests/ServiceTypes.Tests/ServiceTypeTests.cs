using Platform.Abstractions;
using Platform.Exec;
using Platform.ServiceTypes.Tests.Support;
using Platform.TestSupport;

namespace Platform.ServiceTypes.Tests;

public sealed class ServiceTypeTests : IDisposable
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
    [InlineData("simple")]
    [InlineData("exec")]
    [InlineData("idle")]
    public async Task RunningTypesAreUpOnceTheMainProcessIsSpawned(string type)
    {
        IServiceType plugin = type switch { "simple" => new SimpleServiceType(), "exec" => new ExecServiceType(),
            _ => new IdleServiceType() };
        var context = Context(TestUnits.Service(("Type", type), ("ExecStart", "/bin/sleep 30")));
        var result = await context.StartAsync(plugin);
        Assert.True(result.Success, result.Message);
        Assert.Equal(("success", "running"), (result.Result, result.SubState));
        Assert.Equal(context.Spawned[0].Pid, result.MainPid);
        Assert.True(ProcFs.IsAlive(result.MainPid));
        Assert.Equal([result.MainPid], context.Sessions);
    }

    [Fact]
    public async Task ExecTypeFailsWhenTheProgramCannotBeExecuted()
    {
        var script = _root.WriteScript("/bin/noshebang", "echo hi\n");
        var context = Context(TestUnits.Service(("Type", "exec"), ("ExecStart", script)));
        var e = await Assert.ThrowsAsync<ServiceStartException>(() => context.StartAsync(new ExecServiceType()));
        Assert.Equal($"Failed to execute {script}: Exec format error", e.Message);
    }

    [Fact]
    public async Task SimpleRefusesMoreThanOneExecStart()
    {
        var context = Context(TestUnits.Service(("ExecStart", "/bin/true"), ("ExecStart", "/bin/true")));
        var result = await context.StartAsync(new SimpleServiceType());
        Assert.False(result.Success);
        Assert.Contains("more than one ExecStart=", result.Message);
        Assert.Empty(context.Spawned);
    }

    [Fact]
    public async Task ContextAppliesEnvironmentExpansionWorkingDirectoryAndOutput()
    {
        var outFile = _root.Combine("/out.txt");
        Directory.CreateDirectory(_root.Combine("/work"));
        var unit = TestUnits.Service(("Type", "oneshot"), ("WorkingDirectory", _root.Combine("/work")),
            ("StandardOutput", "append:" + outFile),
            ("ExecStart", "/bin/sh -c 'echo \"$$1|$$2|$$PWD|$$GREETING\"' x ${GREETING}! $WORDS"),
            ("ExecStart", ":/bin/echo ${GREETING}"));
        var context = _tracker.Track(new ServiceContext(new ServiceContextOptions
        {
            Unit = unit, Spawner = TestHelper.Spawner, Root = _root.Path,
            Environment = new ServiceEnvironmentSpec { Environment = [new("GREETING", "hi"), new("WORDS", "a b")] },
        }));
        var result = await context.StartAsync(new OneshotServiceType());
        Assert.True(result.Success, result.Message);
        Assert.Equal($"hi!|a|{_root.Combine("/work")}|hi\n${{GREETING}}\n", File.ReadAllText(outFile));
    }

    [Fact]
    public async Task UserSettingSwitchesIdentityAndFillsTheUserVariables()
    {
        var outFile = _root.Combine("/env.txt");
        var unit = TestUnits.Service(("Type", "oneshot"), ("User", "nobody"), ("WorkingDirectory", "-~"),
            ("StandardOutput", "truncate:" + outFile),
            ("ExecStart", "/bin/sh -c 'id -u; pwd; echo $$USER $$LOGNAME $$HOME $$SHELL'"));
        var result = await Context(unit).StartAsync(new OneshotServiceType());
        Assert.True(result.Success, result.Message);
        var nobody = UserCredentials.Resolve("nobody");
        // nobody's home (/nonexistent) is missing, and "-" makes that acceptable: the process starts in /.
        Assert.Equal($"{nobody.Uid}\n/\nnobody nobody {nobody.Home} {nobody.Shell}\n", File.ReadAllText(outFile));
    }

    [Fact]
    public async Task AnUnknownUserEndsASimpleServiceWith217BeforeAnythingRuns()
    {
        // systemd resolves User= in the forked child: the start job is done, and the unit then fails 217/USER.
        var context = Context(TestUnits.Service(("User", "no-such-user-xyz"), ("ExecStart", "/bin/sleep 30")));
        var result = await context.StartAsync(new SimpleServiceType());
        Assert.Equal(("failed", "Failed to determine user credentials: No such process"),
            (result.SubState, result.Message));
        Assert.Equal(ProcessExit.FromExitStatus(217), result.MainExit);
        Assert.Empty(context.Spawned);
    }

    [Fact]
    public async Task AnUnknownUserFailsTheStartOfTypeExec()
    {
        var context = Context(TestUnits.Service(("User", "no-such-user-xyz"), ("ExecStart", "/bin/sleep 30")));
        await Assert.ThrowsAsync<ServiceStartException>(() => context.StartAsync(new ExecServiceType()));
        Assert.Empty(context.Spawned);
    }
}
