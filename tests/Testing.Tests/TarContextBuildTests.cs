using System.Formats.Tar;
using System.Text;

namespace Platform.Testing.Tests;

public sealed class TarContextBuildTests(DockerFixture fixture) : IClassFixture<DockerFixture>
{
    [DockerFact]
    public async Task BuildFromAHandMadeTarContextProducesALabelledImage()
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            Add(writer, "Dockerfile", $"FROM {BaseImages.Base}\nCOPY payload.txt /srv/payload.txt\nRUN cat /srv/payload.txt > /srv/copy.txt\n");
            Add(writer, "payload.txt", "from the context\n");
        }
        tar.Position = 0;
        var tag = $"platform-test-raw:{fixture.Run.Id}";
        var result = await fixture.Docker.BuildImageAsync(tar, new ImageBuildOptions { Tag = tag, Labels = fixture.Run.Labels });
        Assert.Contains("RUN cat /srv/payload.txt > /srv/copy.txt", result.Log);
        var image = await fixture.Docker.InspectImageAsync(tag);
        Assert.Equal(result.ImageId, image!.Id);
        Assert.Equal(fixture.Run.Id, image.Config!.Labels![TestRun.RunLabel]);
        await using var c = await fixture.NewContainer().WithImage(tag).WithCommand("cat", "/srv/copy.txt").StartAsync();
        Assert.Equal(0, await c.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("from the context\n", (await c.GetLogsAsync()).Stdout);
    }

    private static void Add(TarWriter writer, string name, string text)
        => writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = (UnixFileMode)0b110_100_100,
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)),
        });
}
