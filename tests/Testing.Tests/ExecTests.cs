using DotNet.Testcontainers.Containers;

namespace Platform.Testing.Tests;

public sealed class ExecTests(DockerFixture fixture) : IClassFixture<DockerFixture>
{
    private Task<PlatformContainer> StartSleeperAsync() =>
        fixture.NewContainer().WithCommand("sleep", "infinity").StartAsync();

    [DockerFact]
    public async Task ExecEchoPrintsHiAndExitsZero()
    {
        await using var c = await StartSleeperAsync();
        var result = await c.ExecAsync("echo", "hi");
        Assert.Equal(new ExecResult("hi\n", "", 0), result);
    }

    [DockerFact]
    public async Task FailingCommandReportsItsExitCodeAndStderrApartFromStdout()
    {
        await using var c = await StartSleeperAsync();
        var result = await c.ShellAsync("echo partial; echo 'went wrong' >&2; exit 7");
        Assert.Equal(new ExecResult("partial\n", "went wrong\n", 7), result);
    }

    [DockerFact]
    public async Task LargeInterleavedOutputIsDemultiplexedIntact()
    {
        await using var c = await StartSleeperAsync();
        // Many frames of both streams; multi-byte characters must survive frame boundaries.
        var result = await c.ShellAsync(
            "i=0; while [ $i -lt 3000 ]; do echo \"out $i ü\"; echo \"err $i\" >&2; i=$((i+1)); done");
        var expectedOut = string.Concat(Enumerable.Range(0, 3000).Select(i => $"out {i} ü\n"));
        var expectedErr = string.Concat(Enumerable.Range(0, 3000).Select(i => $"err {i}\n"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expectedOut, result.Stdout);
        Assert.Equal(expectedErr, result.Stderr);
    }

    [DockerFact]
    public async Task ExecRunsAsTheGivenUserWithExtraEnvironment()
    {
        await using var c = await StartSleeperAsync();
        var result = await c.ExecAsync(["/bin/sh", "-c", "echo $(id -u):$(id -g) $GREETING"], user: "1000:1000",
            environment: ["GREETING=hello"]);
        Assert.Equal(new ExecResult("1000:1000 hello\n", "", 0), result);
    }

    [DockerFact]
    public async Task MissingProgramFailsWithANonZeroExitCode()
    {
        await using var c = await StartSleeperAsync();
        var result = await c.ExecAsync("/no/such/program");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no such file", result.Stdout + result.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [DockerFact]
    public async Task ExecThatOutlivesItsTimeoutThrowsTimeout()
    {
        await using var c = await StartSleeperAsync();
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            c.ExecAsync(["sleep", "30"], timeout: TimeSpan.FromMilliseconds(500)));
        Assert.Contains("sleep 30", error.Message);
    }

    [DockerFact]
    public async Task SystemctlAndJournalctlHelpersRunThoseCommands()
    {
        await using var c = await StartSleeperAsync();
        // Stand-ins that echo their arguments: what is tested is the command line the helpers run.
        var echo = System.Text.Encoding.UTF8.GetBytes("#!/bin/sh\necho \"$0 $*\"\n");
        await c.CopyAsync(echo, "/usr/local/bin/systemctl",
            fileMode: DotNet.Testcontainers.Configurations.Unix.FileMode755);
        await c.CopyAsync(echo, "/usr/local/bin/journalctl",
            fileMode: DotNet.Testcontainers.Configurations.Unix.FileMode755);
        Assert.Equal("/usr/local/bin/systemctl is-active web.service\n",
            (await c.SystemctlAsync("is-active", "web.service")).Stdout);
        Assert.Equal("/usr/local/bin/journalctl --no-pager -u web\n", (await c.JournalctlAsync("-u", "web")).Stdout);
    }
}
