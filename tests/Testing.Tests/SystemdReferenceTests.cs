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
        // Exit 0 is systemd's halt; a stop signal it ignored would end in Docker's SIGKILL after the grace (137).
        Assert.Equal(0, await c.StopAsync(TimeSpan.FromSeconds(20)));
    }
}
