using System.Diagnostics;
using System.Text;
using Docker.DotNet;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace Platform.Testing.Tests;

public sealed class ContainerTests(DockerFixture fixture) : IClassFixture<DockerFixture>
{
    [DockerFact]
    public async Task LogsKeepStdoutAndStderrOfTheMainProcessApart()
    {
        await using var c = await fixture.NewContainer()
            .WithCommand("/bin/sh", "-c", "echo first; echo oops >&2; echo second").StartAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.Equal(0, await c.GetExitCodeAsync(limit.Token));
        Assert.Equal(("first\nsecond\n", "oops\n"), await c.GetLogsAsync());
    }

    [DockerFact]
    public async Task StopWithGraceReturnsTheExitCodeTheCommandChoseOnSigterm()
    {
        await using var c = await fixture.NewContainer()
            .WithCommand("/bin/sh", "-c", "trap 'echo bye; exit 42' TERM; echo up; while :; do sleep 0.1; done")
                .StartAsync();
        await c.WaitForAsync(PlatformWait.ForLogLine("up"), TimeSpan.FromSeconds(20));
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
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"killed after {clock.Elapsed}, before the grace");
        var state = (await c.InspectAsync()).State!;
        Assert.False(state.Running);
        Assert.Equal(137, state.ExitCode);
    }

    [DockerFact]
    public async Task ReadFileReturnsTheBytesAndFollowsSymlinks()
    {
        await using var c = await fixture.NewContainer().WithCommand("sleep", "infinity").StartAsync();
        Assert.Equal(0, (await c.ShellAsync("printf 'a\\000b\\nline2' > /tmp/data")).ExitCode);
        Assert.Equal("a\0b\nline2"u8.ToArray(), await c.ReadFileAsync("/tmp/data"));
        // /etc/os-release is a relative link to ../usr/lib/os-release on Debian.
        var osRelease = await c.ReadTextAsync("/etc/os-release");
        Assert.Equal((await c.ExecAsync("cat", "/etc/os-release")).Stdout, osRelease);
        Assert.Contains("bookworm", osRelease);
    }

    [DockerFact]
    public async Task CopyWritesContentAndMode()
    {
        await using var c = await fixture.NewContainer().WithCommand("sleep", "infinity").StartAsync();
        await c.CopyAsync(Encoding.UTF8.GetBytes("#!/bin/sh\necho greetings\n"), "/usr/local/bin/greet",
            fileMode: Unix.FileMode755);
        Assert.Equal(new ExecResult("greetings\n", "", 0), await c.ExecAsync("greet"));
        Assert.Equal("755 0:0\n", (await c.ExecAsync("stat", "-c", "%a %u:%g", "/usr/local/bin/greet")).Stdout);
    }

    [DockerFact]
    public async Task ReadingAMissingFileFails()
    {
        await using var c = await fixture.NewContainer().WithCommand("sleep", "infinity").StartAsync();
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => c.ReadTextAsync("/no/such/file"));
        Assert.Contains("/no/such/file", error.Message);
    }

    [DockerFact]
    public async Task ContainersRunWithNetworkModeNoneAndOnlyLoopback()
    {
        await using var c = await fixture.NewContainer().WithCommand("sleep", "infinity").StartAsync();
        Assert.Equal("none", (await c.InspectAsync()).HostConfig!.NetworkMode);
        Assert.Equal("lo\n", (await c.ExecAsync("ls", "/sys/class/net")).Stdout);
    }

    [DockerFact]
    public async Task BuilderOptionsReachTheContainer()
    {
        await using var c = await fixture.NewContainer().WithCommand("sleep", "infinity")
            .WithUser("1000:1000").WithEnvironment("PLATFORM_GREETING", "hello there").WithTmpfsMount("/scratch")
            .WithCapAdd("SYS_PTRACE").WithHostname("probe").WithWorkingDirectory("/tmp").StartAsync();
        var seen = await c.ShellAsync(
            "echo \"$(id -u):$(id -g)|$PLATFORM_GREETING|$(hostname)|$(pwd)\"; grep ' /scratch ' /proc/mounts");
        Assert.Equal(0, seen.ExitCode);
        var lines = seen.Stdout.Split('\n');
        Assert.Equal("1000:1000|hello there|probe|/tmp", lines[0]);
        Assert.StartsWith("tmpfs /scratch tmpfs", lines[1]);
        Assert.Contains("SYS_PTRACE", (await c.InspectAsync()).HostConfig!.CapAdd);
    }

    [DockerFact]
    public async Task ContainersCarryTheRunLabelsAndDisposeRemovesThem()
    {
        var c = await fixture.NewContainer().WithCommand("sleep", "infinity").WithLabel("purpose", "label-test")
            .StartAsync();
        var labels = (await c.InspectAsync()).Config!.Labels;
        Assert.Equal("1", labels[TestRun.TestLabel]);
        Assert.Equal(fixture.Run.Id, labels[TestRun.RunLabel]);
        Assert.Equal(TestRun.OwnerOf(Environment.ProcessId), labels[TestRun.OwnerLabel]);
        Assert.Equal("label-test", labels["purpose"]);
        var id = c.Id;
        await c.DisposeAsync();
        await Assert.ThrowsAsync<DockerContainerNotFoundException>(() =>
            DockerFixture.Client.Containers.InspectContainerAsync(id));
    }
}
