using Docker.DotNet;

namespace Platform.Testing.Tests;

public sealed class DaemonTests(DockerFixture fixture) : IClassFixture<DockerFixture>
{
    [DockerFact(Image = null)]
    public async Task TestcontainersTalksToAnOlderDaemonInItsOwnApiVersion()
    {
        Assert.Null(DaemonProbe.Probe(DaemonProbe.SocketPath, "/_ping", out var daemon));
        var version = await DockerFixture.Client.System.GetVersionAsync();
        Assert.Equal("linux", version.Os);
        Assert.Equal(daemon, version.APIVersion);
        if (Version.Parse(daemon!) < DockerEnvironment.TestcontainersApiVersion
            && Environment.GetEnvironmentVariable("DOCKER_API_VERSION") == daemon)
            Assert.Equal(daemon, DockerEnvironment.ApiVersion);
        Assert.NotNull(fixture.Swept);
    }

    [DockerFact]
    public async Task BaseImageIsThereWithoutHarnessLabels()
    {
        var image = await DockerFixture.Client.Images.InspectImageAsync(BaseImages.Base);
        Assert.Contains(BaseImages.Base, image.RepoTags);
        // The base image is shared infrastructure: a sweep must never take it away.
        Assert.False(image.Config?.Labels?.ContainsKey(TestRun.TestLabel) ?? false);
    }

    [DockerFact(Image = null)]
    public async Task AMissingImageIsReportedAsMissing()
    {
        await Assert.ThrowsAsync<DockerImageNotFoundException>(() =>
            DockerFixture.Client.Images.InspectImageAsync("platform-no-such-image:never"));
        Assert.Contains("platform-no-such-image:never is missing",
            DockerAvailability.ImageProblem("platform-no-such-image:never"));
    }
}
