using System.Text;
using System.Text.RegularExpressions;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace Platform.Testing.Tests;

public sealed class WaitTests(DockerFixture fixture) : IClassFixture<DockerFixture>
{
    [DockerFact]
    public async Task WaitForLogLineReturnsOnceTheLineAppears()
    {
        await using var c = await fixture.NewContainer()
            .WithCommand("/bin/sh", "-c", "sleep 0.5; echo 'service ready on port 8080' >&2; sleep infinity")
                .StartAsync();
        await c.WaitForAsync(PlatformWait.ForLogLine(new Regex(@"ready on port \d+")), TimeSpan.FromSeconds(20));
        Assert.Contains("ready on port 8080", (await c.GetLogsAsync()).Stderr);
    }

    [DockerFact]
    public async Task WaitForExecReturnsOnceTheCommandSucceeds()
    {
        await using var c = await fixture.NewContainer()
            .WithCommand("/bin/sh", "-c",
                "until [ -f /tmp/go ]; do sleep 0.05; done; echo done > /tmp/marker; sleep infinity")
            .StartAsync();
        var waiting = c.WaitForAsync(PlatformWait.ForExecOutput("done", "cat", "/tmp/marker"),
            TimeSpan.FromSeconds(20));
        Assert.NotEqual(0, (await c.ExecAsync("test", "-f", "/tmp/marker")).ExitCode);
        Assert.False(waiting.IsCompleted);
        await c.ExecAsync("touch", "/tmp/go");
        await waiting;
    }

    [DockerFact]
    public async Task WaitGivesUpAfterTheTimeoutSayingWhatItSaw()
    {
        await using var c = await fixture.NewContainer().WithCommand("sleep", "infinity").StartAsync();
        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => c.WaitForAsync(PlatformWait.ForExec("/bin/sh", "-c", "echo not yet; exit 3"),
                TimeSpan.FromSeconds(1)));
        Assert.Contains("exit 3", error.Message);
        Assert.Contains("not yet", error.Message);
    }

    [DockerFact]
    public async Task WaitFailsFastWhenTheContainerExitsAndShowsItsLogs()
    {
        await using var c = await fixture.NewContainer().WithCommand("/bin/sh", "-c", "echo crashing >&2; exit 5")
            .StartAsync();
        // Not the TimeoutException of a wait that ran out: the exit ends the wait.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => c.WaitForAsync(PlatformWait.ForLogLine("never printed"), TimeSpan.FromSeconds(30)));
        Assert.Contains("code 5", error.Message);
        Assert.Contains("crashing", error.Message);
    }

    [DockerFact]
    public async Task WaitForUnitActiveRunsSystemctlIsActiveInTheContainer()
    {
        await using var c = await fixture.NewContainer().WithCommand("sleep", "infinity").StartAsync();
        // A stand-in systemctl: web.service turns active once /tmp/up exists; the strategy's command line is what is
        // tested. It also counts its calls, so the test knows the strategy has asked at least once before /tmp/up
        // exists.
        await c.CopyAsync(Encoding.UTF8.GetBytes(
                "#!/bin/sh\necho \"$*\" >> /tmp/calls\n"
                    + "[ \"$*\" = \"is-active web.service\" ] && [ -f /tmp/up ] && echo active\n"),
            "/usr/local/bin/systemctl", fileMode: Unix.FileMode755);
        var waiting = c.WaitForAsync(PlatformWait.ForUnitActive("web.service"), TimeSpan.FromSeconds(20));
        await c.WaitForAsync(PlatformWait.ForExec("test", "-s", "/tmp/calls"), TimeSpan.FromSeconds(20));
        Assert.False(waiting.IsCompleted);
        await c.ExecAsync("touch", "/tmp/up");
        await waiting;
        Assert.Equal(new ExecResult("active\n", "", 0), await c.ExecAsync("systemctl", "is-active", "web.service"));
    }

    [DockerFact]
    public async Task TheBootWaitAcceptsADegradedSystemAndStartReturnsOnceItAnswers()
    {
        // A stand-in systemctl that reports "starting" until /tmp/booted exists, then "degraded".
        var image = await fixture.NewImage().AddExecutable("/usr/local/bin/systemctl",
            "#!/bin/sh\n"
                + "if [ \"$1\" = is-system-running ]; then [ -f /tmp/booted ] && echo degraded || echo starting; exit "
                + "1; fi\n"
            + "exec sleep infinity\n").BuildAsync();
        await using var c = await fixture.NewPlatform(image)
            .WithCommand("/bin/sh", "-c", "sleep 1; touch /tmp/booted; exec sleep infinity").StartAsync();
        Assert.Equal("degraded\n", (await c.SystemctlAsync("is-system-running")).Stdout);
    }

    [DockerFact]
    public async Task AContainerThatExitsDuringTheBootWaitFailsTheStartWithItsOutput()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.NewContainer().WithBootWait(true, TimeSpan.FromSeconds(30))
            .WithCommand("/bin/sh", "-c", "echo no manager here >&2; exit 3").StartAsync());
        Assert.Contains("no manager here", error.Message);
    }
}
