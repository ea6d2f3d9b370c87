using System.Diagnostics;

namespace Platform.Testing.Tests;

public sealed class ContainerTests(DockerFixture fixture) : IClassFixture<DockerFixture>
{
    [DockerFact]
    public async Task LogsKeepStdoutAndStderrOfTheMainProcessApart()
    {
        await using var c = await fixture.NewContainer()
            .WithCommand("/bin/sh", "-c", "echo first; echo oops >&2; echo second").StartAsync();
        Assert.Equal(0, await c.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(new LogOutput("first\nsecond\n", "oops\n"), await c.GetLogsAsync());
    }

    [DockerFact]
    public async Task StopWithGraceReturnsTheExitCodeTheCommandChoseOnSigterm()
    {
        await using var c = await fixture.NewContainer()
            .WithCommand("/bin/sh", "-c", "trap 'echo bye; exit 42' TERM; echo up; while :; do sleep 0.1; done").StartAsync();
        await c.WaitForAsync(Wait.ForLogLine("up"), TimeSpan.FromSeconds(20));
        Assert.Equal(42, await c.StopAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("bye", (await c.GetLogsAsync()).Stdout);
    }

    [DockerFact]
    public async Task StopKillsAfterTheGraceWhenSigtermIsIgnored()
    {
        // sleep as PID 1 has no SIGTERM handler, and the kernel drops unhandled signals to PID 1.
        await using var c = await fixture.NewContainer().WithCommand("sleep", "infinity").StartAsync();
        var clock = Stopwatch.StartNew();
        var code = await c.StopAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(137, code);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(15));
        var state = (await c.InspectAsync()).State;
        Assert.False(state.Running);
        Assert.Equal(137, state.ExitCode);
    }

    [DockerFact]
    public async Task CopyFileOutReturnsTheBytesAndFollowsSymlinks()
    {
        await using var c = await fixture.NewContainer().WithCommand("sleep", "infinity").StartAsync();
        Assert.Equal(0, (await c.ShellAsync("printf 'a\\000b\\nline2' > /tmp/data")).ExitCode);
        Assert.Equal("a\0b\nline2"u8.ToArray(), await c.CopyFileOutAsync("/tmp/data"));
        // /etc/os-release is a relative link to ../usr/lib/os-release on Debian.
        var osRelease = await c.ReadFileAsync("/etc/os-release");
        Assert.Equal((await c.ExecAsync("cat", "/etc/os-release")).Stdout, osRelease);
        Assert.Contains("bookworm", osRelease);
    }

    [DockerFact]
    public async Task CopyFileInWritesContentAndMode()
    {
        await using var c = await fixture.NewContainer().WithCommand("sleep", "infinity").StartAsync();
        await c.CopyFileInAsync("/usr/local/bin/greet", "#!/bin/sh\necho greetings\n", (UnixFileMode)0b111_101_101);
        Assert.Equal(new ExecResult(0, "greetings\n", ""), await c.ExecAsync("greet"));
        Assert.Equal("755 0:0\n", (await c.ExecAsync("stat", "-c", "%a %u:%g", "/usr/local/bin/greet")).Stdout);
    }

    [DockerFact]
    public async Task CopyFileOutOfAMissingFileFailsWith404()
    {
        await using var c = await fixture.NewContainer().WithCommand("sleep", "infinity").StartAsync();
        var error = await Assert.ThrowsAsync<DockerApiException>(() => c.CopyFileOutAsync("/no/such/file"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }

    [DockerFact]
    public async Task ContainersRunWithNetworkModeNoneAndOnlyLoopback()
    {
        await using var c = await fixture.NewContainer().WithCommand("sleep", "infinity").StartAsync();
        Assert.Equal("none", (await c.InspectAsync()).HostConfig.NetworkMode);
        Assert.Equal("lo\n", (await c.ExecAsync("ls", "/sys/class/net")).Stdout);
    }

    [DockerFact]
    public async Task BuilderOptionsReachTheContainer()
    {
        await using var c = await fixture.NewContainer().WithCommand("sleep", "infinity")
            .WithUser("1000:1000").WithEnv("PLATFORM_GREETING", "hello there").WithTmpfs("/scratch", "size=8m")
            .WithCapAdd("SYS_PTRACE").WithHostname("probe").WithWorkingDirectory("/tmp").StartAsync();
        var seen = await c.ShellAsync("echo \"$(id -u):$(id -g)|$PLATFORM_GREETING|$(hostname)|$(pwd)\"; grep ' /scratch ' /proc/mounts");
        Assert.Equal(0, seen.ExitCode);
        var lines = seen.Stdout.Split('\n');
        Assert.Equal("1000:1000|hello there|probe|/tmp", lines[0]);
        Assert.StartsWith("tmpfs /scratch tmpfs", lines[1]);
        Assert.Contains("SYS_PTRACE", (await c.InspectAsync()).HostConfig.CapAdd!);
    }

    [DockerFact]
    public async Task ContainersCarryTheRunLabelsAndDisposeRemovesThem()
    {
        var c = await fixture.NewContainer().WithCommand("sleep", "infinity").WithLabel("purpose", "label-test").StartAsync();
        var labels = (await c.InspectAsync()).Config.Labels!;
        Assert.Equal("1", labels[TestRun.TestLabel]);
        Assert.Equal(fixture.Run.Id, labels[TestRun.RunLabel]);
        Assert.Equal(TestRun.OwnerOf(Environment.ProcessId), labels[TestRun.OwnerLabel]);
        Assert.Equal("label-test", labels["purpose"]);
        await c.DisposeAsync();
        Assert.Null(await fixture.Docker.InspectContainerAsync(c.Id));
    }
}
