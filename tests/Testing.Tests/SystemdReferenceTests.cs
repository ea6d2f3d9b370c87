using System.Diagnostics;

namespace Platform.Testing.Tests;

public sealed class SystemdReferenceTests(DockerFixture fixture) : IClassFixture<DockerFixture>
{
    [DockerFact(Image = BaseImages.SystemdReference)]
    public async Task RealSystemdBootsToRunningWithTheSystemdBootOptionsAndHaltsOnStop()
    {
        await using var c = await fixture.NewContainer().WithImage(BaseImages.SystemdReference).WithSystemdBoot().StartAsync();
        await c.WaitForAsync(Wait.ForSystemRunning(), TimeSpan.FromSeconds(60));
        Assert.Equal("1\n", (await c.ExecAsync("pidof", "systemd")).Stdout);
        var clock = Stopwatch.StartNew();
        var code = await c.StopAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"halt took {clock.Elapsed}, so the stop signal did not halt systemd");
    }
}
