using System.Diagnostics;

namespace Platform.Testing.Tests;

public sealed class SweepTests(DockerFixture fixture) : IClassFixture<DockerFixture>
{
    [DockerFact]
    public async Task StartingAFixtureSweepsLeftoversOfDeadRunsAndKeepsLiveAndForeignRuns()
    {
        using var crashed = Process.Start("sleep", "60");
        using var alive = Process.Start("sleep", "60");
        var deadRun = new TestRun("dead-" + Guid.NewGuid().ToString("N")[..8], TestRun.OwnerOf(crashed.Id));
        var liveRun = new TestRun("live-" + Guid.NewGuid().ToString("N")[..8], TestRun.OwnerOf(alive.Id));
        var foreignRun = new TestRun("foreign-" + Guid.NewGuid().ToString("N")[..8], "some-other-host/boot/1/1");
        var deadVolume = "platform-test-" + deadRun.Id;
        var dead = await new ContainerBuilder(fixture.Docker, deadRun).WithCommand("sleep", "infinity").WithVolume(deadVolume, "/data").StartAsync();
        var deadImage = await new ImageBuilder(fixture.Docker, deadRun).AddText("/etc/leftover", deadRun.Id).BuildAsync();
        await using var live = await new ContainerBuilder(fixture.Docker, liveRun).WithCommand("sleep", "infinity").StartAsync();
        await using var foreign = await new ContainerBuilder(fixture.Docker, foreignRun).WithCommand("sleep", "infinity").StartAsync();
        try
        {
            crashed.Kill();
            await crashed.WaitForExitAsync();

            var sweeping = new DockerFixture();
            await sweeping.InitializeAsync();
            await sweeping.DisposeAsync();

            Assert.True(sweeping.Swept is { Containers: >= 1, Images: >= 1, Volumes: >= 1 }, $"swept {sweeping.Swept}");
            Assert.Null(await fixture.Docker.InspectContainerAsync(dead.Id));
            Assert.Null(await fixture.Docker.InspectImageAsync(deadImage.Id));
            Assert.Empty(await fixture.Docker.ListVolumesAsync([$"{TestRun.RunLabel}={deadRun.Id}"]));
            Assert.True((await live.InspectAsync()).State.Running);
            Assert.True((await foreign.InspectAsync()).State.Running);

            // Once its owner is gone, the live run's container is a leftover too.
            alive.Kill();
            await alive.WaitForExitAsync();
            await DockerSweeper.SweepLeftoversAsync(fixture.Docker, fixture.Run);
            Assert.Null(await fixture.Docker.InspectContainerAsync(live.Id));
        }
        finally
        {
            crashed.Kill();
            alive.Kill();
            await dead.DisposeAsync();
            await fixture.Docker.RemoveVolumeAsync(deadVolume, force: true);
        }
    }

    [DockerFact]
    public async Task AFixtureRemovesEveryContainerImageAndVolumeOfItsRunWhenItEnds()
    {
        var run = new TestRun("cleanup-" + Guid.NewGuid().ToString("N")[..8], TestRun.Current.Owner);
        var own = DockerFixture.ForRun(run);
        await own.InitializeAsync();
        var volume = "platform-test-" + run.Id;
        var image = await own.NewImage().AddText("/etc/cleanup-probe", run.Id).BuildAsync();
        var container = await own.NewContainer().WithImage(image).WithCommand("sleep", "infinity").WithVolume(volume, "/data").StartAsync();
        Assert.NotNull(await fixture.Docker.InspectContainerAsync(container.Id));

        await own.DisposeAsync();

        Assert.Null(await fixture.Docker.InspectContainerAsync(container.Id));
        Assert.Null(await fixture.Docker.InspectImageAsync(image.Id));
        Assert.Empty(await fixture.Docker.ListVolumesAsync([$"{TestRun.RunLabel}={run.Id}"]));
        Assert.Empty(await fixture.Docker.ListContainersAsync([$"{TestRun.RunLabel}={run.Id}"]));
    }

    [Fact]
    public void OwnerLabelsTellLiveProcessesFromGoneAndForeignOnes()
    {
        Assert.False(TestRun.IsOwnerGone(TestRun.Current.Owner));
        var parts = TestRun.Current.Owner.Split('/');
        // Same PID, another start time: the PID was reused by a different process.
        Assert.True(TestRun.IsOwnerGone($"{parts[0]}/{parts[1]}/{parts[2]}/1"));
        Assert.True(TestRun.IsOwnerGone($"{parts[0]}/another-boot/{parts[2]}/{parts[3]}"));
        Assert.Null(TestRun.IsOwnerGone("other-host/boot/1/1"));
        Assert.Null(TestRun.IsOwnerGone("garbage"));
    }
}
