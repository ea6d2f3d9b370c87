using Platform.Testing;

namespace Platform.E2E.Tests;

/// <summary>The same image run as a non-root user: our systemctl as PID 1 becomes that user's manager.</summary>
public sealed class UserContainerTests(WgsyncImage stack) : IClassFixture<WgsyncImage>
{
    [DockerFact]
    public async Task ANonRootPid1BringsUpThatUsersEnabledUnits()
    {
        await using var c = await stack.Docker.NewPlatform(stack.Image).WithBootWait(false).WithUser("1000:1000")
            .WithEnvironment("HOME", "/home/app").StartAsync();
        string[] asUser = ["HOME=/home/app"];

        var active = "";
        for (var i = 0; i < 100 && active != "active"; i++, await Task.Delay(200))
            active = (await c.ExecAsync(["systemctl", "--user", "is-active", "hello-user.service"], "1000:1000",
                asUser)).Stdout.Trim();

        Assert.Equal("active", active);
        var show = await c.ExecAsync(["systemctl", "--user", "show", "hello-user.service", "-p", "MainPID", "--value"],
            "1000:1000", asUser);
        var owner = await c.ExecAsync("stat", "-c", "%u", "/proc/" + show.Stdout.Trim());
        Assert.Equal("1000\n", owner.Stdout);
        Assert.Equal("inactive\n", (await c.ExecAsync(["systemctl", "--user", "is-active", "wgsync-event.service"],
            "1000:1000", asUser)).Stdout);
        Assert.Equal(0, await c.StopAsync(TimeSpan.FromSeconds(20)));
    }
}
