using Platform.Abstractions;

namespace PluginName.Tests;

public sealed class ExampleServiceTypeTests
{
    private static UnitDefinition Unit(string execStart, string settle)
        => TestUnits.Service("demo.service", ("Service", "Type", "plugin-export-name"), ("Service", "ExecStart", execStart), ("Service", "X-SettleSec", settle));

    [Fact]
    public async Task ServiceCountsAsStartedOnceItsProcessSurvivedTheSettleTime()
    {
        using var context = new FakeServiceContext(Unit("/bin/sleep 30", "200ms"));
        var result = await new ExampleServiceType().StartAsync(context, CancellationToken.None);
        Assert.True(result.Success, result.Message);
        Assert.Equal(context.Spawned[0].Pid, result.MainPid);
        Assert.False(context.Spawned[0].Exited.IsCompleted);
    }

    [Fact]
    public async Task ProcessEndingDuringTheSettleTimeFailsTheStartWithItsExitCode()
    {
        using var context = new FakeServiceContext(Unit("/bin/sh -c \"exit 3\"", "5s"));
        var result = await new ExampleServiceType().StartAsync(context, CancellationToken.None);
        Assert.False(result.Success);
        Assert.Equal("exit-code", result.Result);
        Assert.Equal(3, result.MainExit?.Status);
    }

    [Fact]
    public async Task StartTimeoutEndsTheSettleWaitAsTimeout()
    {
        using var context = new FakeServiceContext(Unit("/bin/sleep 30", "1min"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var result = await new ExampleServiceType().StartAsync(context, timeout.Token);
        Assert.False(result.Success);
        Assert.Equal("timeout", result.Result);
    }
}
