using System.Text.RegularExpressions;

namespace Platform.Testing.Tests;

public sealed class WaitTests(DockerFixture fixture) : IClassFixture<DockerFixture>
{
    [DockerFact]
    public async Task WaitForLogLineReturnsOnceTheLineAppears()
    {
        await using var c = await fixture.NewContainer()
            .WithCommand("/bin/sh", "-c", "sleep 0.5; echo 'service ready on port 8080' >&2; sleep infinity").StartAsync();
        await c.WaitForAsync(Wait.ForLogLine(new Regex(@"ready on port \d+")), TimeSpan.FromSeconds(20));
        Assert.Contains("ready on port 8080", (await c.GetLogsAsync()).Stderr);
    }

    [DockerFact]
    public async Task WaitForExecReturnsOnceTheCommandSucceeds()
    {
        await using var c = await fixture.NewContainer()
            .WithCommand("/bin/sh", "-c", "sleep 4; echo done > /tmp/marker; sleep infinity").StartAsync();
        Assert.NotEqual(0, (await c.ExecAsync("test", "-f", "/tmp/marker")).ExitCode);
        await c.WaitForAsync(Wait.ForExecOutput("done", "cat", "/tmp/marker"), TimeSpan.FromSeconds(20));
    }

    [DockerFact]
    public async Task WaitGivesUpAfterTheTimeoutSayingWhatItSaw()
    {
        await using var c = await fixture.NewContainer().WithCommand("sleep", "infinity").StartAsync();
        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => c.WaitForAsync(Wait.ForExec("/bin/sh", "-c", "echo not yet; exit 3"), TimeSpan.FromSeconds(1)));
        Assert.Contains("exit 3", error.Message);
        Assert.Contains("not yet", error.Message);
    }

    [DockerFact]
    public async Task WaitFailsFastWhenTheContainerExitsAndShowsItsLogs()
    {
        await using var c = await fixture.NewContainer().WithCommand("/bin/sh", "-c", "echo crashing >&2; exit 5").StartAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => c.WaitForAsync(Wait.ForLogLine("never printed"), TimeSpan.FromSeconds(30)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains("code 5", error.Message);
        Assert.Contains("crashing", error.Message);
    }

    [DockerFact]
    public async Task WaitForUnitActiveRunsSystemctlIsActiveInTheContainer()
    {
        await using var c = await fixture.NewContainer().WithCommand("sleep", "infinity").StartAsync();
        // A stand-in systemctl: web.service turns active once /tmp/up exists; the strategy's command line is what is tested.
        await c.CopyFileInAsync("/usr/local/bin/systemctl",
            "#!/bin/sh\n[ \"$*\" = \"is-active web.service\" ] && [ -f /tmp/up ] && echo active\n", (UnixFileMode)0b111_101_101);
        var waiting = c.WaitForAsync(Wait.ForUnitActive("web.service"), TimeSpan.FromSeconds(20));
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await c.ExecAsync("touch", "/tmp/up");
        await waiting;
        Assert.Equal(new ExecResult(0, "active\n", ""), await c.ExecAsync("systemctl", "is-active", "web.service"));
    }
}
