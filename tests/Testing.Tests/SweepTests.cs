using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;

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
        await CreateVolumeAsync(deadVolume, deadRun);
        var dead = await Sleeper(deadRun).WithVolumeMount(deadVolume, "/data").StartAsync();
        var deadImage = await new ImageBuilder(deadRun).AddText("/etc/leftover", deadRun.Id).BuildAsync();
        await using var live = await Sleeper(liveRun).StartAsync();
        await using var foreign = await Sleeper(foreignRun).StartAsync();
        try
        {
            crashed.Kill();
            await crashed.WaitForExitAsync();

            var sweeping = new DockerFixture();
            await sweeping.InitializeAsync();
            await sweeping.DisposeAsync();

            Assert.True(sweeping.Swept is { Containers: >= 1, Images: >= 1, Volumes: >= 1 }, $"swept {sweeping.Swept}");
            Assert.False(await ContainerExistsAsync(dead.Id));
            Assert.False(await ImageExistsAsync(deadImage.Id));
            Assert.Empty(await VolumesOfAsync(deadRun));
            Assert.True((await live.InspectAsync()).State!.Running);
            Assert.True((await foreign.InspectAsync()).State!.Running);

            // Once its owner is gone, the live run's container is a leftover too.
            alive.Kill();
            await alive.WaitForExitAsync();
            await DockerSweeper.SweepLeftoversAsync(DockerFixture.Client, fixture.Run);
            Assert.False(await ContainerExistsAsync(live.Id));
        }
        finally
        {
            crashed.Kill();
            alive.Kill();
            await dead.DisposeAsync();
            try { await DockerFixture.Client.Volumes.RemoveAsync(deadVolume, force: true); }
            catch (DockerApiException) { } // swept already
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
        await CreateVolumeAsync(volume, run);
        var container = await own.NewContainer(image).WithCommand("sleep", "infinity").WithVolumeMount(volume, "/data")
            .StartAsync();
        Assert.True(await ContainerExistsAsync(container.Id));

        await own.DisposeAsync();

        Assert.False(await ContainerExistsAsync(container.Id));
        Assert.False(await ImageExistsAsync(image.Id));
        Assert.Empty(await VolumesOfAsync(run));
        Assert.Empty(await DockerFixture.Client.Containers.ListContainersAsync(
            new ContainersListParameters { All = true, Filters = RunFilter(run) }));
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

    private static PlatformBuilder Sleeper(TestRun run)
        => new PlatformBuilder().WithRun(run).WithBootWait(false).WithCommand("sleep", "infinity");

    /// <summary>A named volume with the run's labels (Docker would create an unlabelled one for the mount).</summary>
    private static Task CreateVolumeAsync(string name, TestRun run)
        => new VolumeBuilder().WithName(name).WithLabel(run.Labels).WithCleanUp(false).Build().CreateAsync();

    private static Dictionary<string, IDictionary<string, bool>> RunFilter(TestRun run)
        => new() { ["label"] = new Dictionary<string, bool> { [$"{TestRun.RunLabel}={run.Id}"] = true } };

    private static async Task<IList<VolumeResponse>> VolumesOfAsync(TestRun run)
        => (await DockerFixture.Client.Volumes.ListAsync(new VolumesListParameters { Filters = RunFilter(run) }))
            .Volumes ?? [];

    private static async Task<bool> ContainerExistsAsync(string id)
    {
        try { await DockerFixture.Client.Containers.InspectContainerAsync(id); return true; }
        catch (DockerContainerNotFoundException) { return false; }
    }

    private static async Task<bool> ImageExistsAsync(string id)
    {
        try { await DockerFixture.Client.Images.InspectImageAsync(id); return true; }
        catch (DockerImageNotFoundException) { return false; }
    }
}
