namespace Platform.Testing.Tests;

public sealed class DaemonTests(DockerFixture fixture) : IClassFixture<DockerFixture>
{
    [DockerFact(Image = null)]
    public async Task PingAnswersAndVersionNamesTheApiVersion()
    {
        Assert.True(await fixture.Docker.PingAsync());
        var version = await fixture.Docker.GetVersionAsync();
        Assert.Equal("linux", version.Os);
        Assert.Matches(@"^1\.\d+$", version.ApiVersion);
    }

    [DockerFact]
    public async Task BaseImageIsThereWithoutHarnessLabels()
    {
        var image = await fixture.Docker.InspectImageAsync(BaseImages.Base);
        Assert.NotNull(image);
        Assert.Contains(BaseImages.Base, image.RepoTags!);
        // The base image is shared infrastructure: a sweep must never take it away.
        Assert.False(image.Config?.Labels?.ContainsKey(TestRun.TestLabel) ?? false);
    }

    [DockerFact(Image = null)]
    public async Task MissingImageAndMissingContainerAnswerNull()
    {
        Assert.Null(await fixture.Docker.InspectImageAsync("platform-no-such-image:never"));
        Assert.Null(await fixture.Docker.InspectContainerAsync("platform-no-such-container"));
        Assert.False(await fixture.Docker.RemoveContainerAsync("platform-no-such-container"));
    }

    [DockerFact(Image = null)]
    public async Task DaemonErrorsCarryTheStatusAndTheDaemonsMessage()
    {
        var request = new Api.ContainerCreateRequest { Image = "platform-no-such-image:never", Cmd = ["true"] };
        var error = await Assert.ThrowsAsync<DockerApiException>(() => fixture.Docker.CreateContainerAsync(request));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("platform-no-such-image", error.DaemonMessage);
    }
}
