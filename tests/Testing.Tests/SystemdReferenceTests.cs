using System.Diagnostics;

namespace Platform.Testing.Tests;

public sealed class SystemdReferenceTests(DockerFixture fixture) : IClassFixture<DockerFixture>
{
    [DockerFact(Image = BaseImages.SystemdReference)]
    public async Task RealSystemdBootsToRunningWithTheSystemdBootOptionsAndHaltsOnStop()
    {
        // The builder's boot wait returns once is-system-running answers running or degraded.
        await using var c = await fixture.NewSystemdReference().StartAsync();
        Assert.Equal("running\n", (await c.SystemctlAsync("is-system-running")).Stdout);
        Assert.Equal("1\n", (await c.ExecAsync("pidof", "systemd")).Stdout);
        var clock = Stopwatch.StartNew();
        var code = await c.StopAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"halt took {clock.Elapsed}, so the stop signal did not halt systemd");
    }
}
