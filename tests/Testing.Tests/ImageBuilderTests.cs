using DotNet.Testcontainers.Containers;
using Platform.TestSupport;

namespace Platform.Testing.Tests;

public sealed class ImageBuilderTests(DockerFixture fixture) : IClassFixture<DockerFixture>
{
    [DockerFact]
    public async Task ImageWithThePlatformRunsThePublishedSystemctlAsItsCommand()
    {
        var image = await fixture.NewImage().AddPlatform(Published.Directory).BuildAsync();
        await using var c = await fixture.NewContainer(image).WithCommand("/usr/bin/systemctl", "--version")
            .StartAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await c.GetExitCodeAsync(limit.Token));
        var onHost = CommandRunner.Run(Published.Systemctl, ["--version"]);
        Assert.Equal(0, onHost.ExitCode);
        Assert.Equal(onHost.Stdout, (await c.GetLogsAsync()).Stdout);
    }

    [DockerFact]
    public async Task AddPlatformCopiesEveryPublishedFileAndLinksTheThreeNames()
    {
        var image = await fixture.NewImage().AddPlatform(Published.Directory).BuildAsync();
        await using var c = await fixture.NewContainer(image).WithCommand("sleep", "infinity").StartAsync();
        var hostEntries = new DirectoryInfo(Published.Directory).GetFileSystemInfos("*", SearchOption.AllDirectories);
        var hostFiles = hostEntries.Count(e => e is FileInfo && e.LinkTarget is null);
        var hostLinks = hostEntries.Count(e => e.LinkTarget is not null);
        Assert.Equal($"{hostFiles} {hostLinks}\n",
            (await c.ShellAsync(
                "echo $(find /usr/lib/platform -type f | wc -l) $(find /usr/lib/platform -type l | wc -l)")).Stdout);
        var links = await c.ShellAsync("for n in systemctl journalctl systemd-notify; do readlink /usr/bin/$n; done");
        Assert.Equal(string.Concat(Enumerable.Repeat("/usr/lib/platform/systemctl\n", 3)), links.Stdout);
        var hostMode = Convert.ToString((int)File.GetUnixFileMode(Published.Systemctl), 8);
        Assert.Equal(hostMode + "\n", (await c.ExecAsync("stat", "-c", "%a", "/usr/lib/platform/systemctl")).Stdout);
    }

    [DockerFact]
    public async Task SameContentIsBuiltOncePerRunAndDifferentContentGetsAnotherTag()
    {
        ImageBuilder Make(string text) => fixture.NewImage().AddText("/etc/platform-cache-probe", text);
        var first = await Make("one").BuildAsync();
        var again = await Make("one").BuildAsync();
        var other = await Make("two").BuildAsync();
        Assert.False(first.FromCache);
        Assert.True(again.FromCache);
        Assert.Equal((first.Tag, first.Id), (again.Tag, again.Id));
        Assert.NotEqual(first.Tag, other.Tag);
        Assert.StartsWith("platform-test:", first.Tag);
    }

    [DockerFact]
    public async Task FilesLinksModesOwnersAndInstructionsLandInTheImage()
    {
        var image = await fixture.NewImage()
            .AddText("/etc/platform/a.conf", "x=1\n")
            .AddExecutable("/usr/local/bin/hello", "#!/bin/sh\necho hello $1\n")
            .Symlink("/usr/local/bin/hi", "hello")
            .AddText("/opt/app/note", "mine\n", owner: "1000:1000")
            .AddExecutable("/bin/platform-probe", "#!/bin/sh\necho probe\n")
            .Run("mkdir -p /var/lib/made && cat /etc/platform/a.conf > /var/lib/made/flag")
            .WithLabel("purpose", "builder-test")
            .BuildAsync();
        Assert.Equal("builder-test", (await DockerFixture.Client.Images.InspectImageAsync(image.Id))
            .Config!.Labels!["purpose"]);
        await using var c = await fixture.NewContainer(image).WithCommand("sleep", "infinity").StartAsync();
        Assert.Equal(new ExecResult("hello you\n", "", 0), await c.ExecAsync("hi", "you"));
        var facts = await c.ShellAsync(
            "stat -c '%n %a %u:%g' /etc/platform/a.conf /usr/local/bin/hello /opt/app/note; readlink /bin; cat "
            + "/var/lib/made/flag; platform-probe");
        Assert.Equal(
            "/etc/platform/a.conf 644 0:0\n/usr/local/bin/hello 755 0:0\n/opt/app/note 644 1000:1000\nusr/bin\nx=1\n"
            + "probe\n", facts.Stdout);
    }

    [DockerFact]
    public async Task AFailingBuildStepThrowsWithTheBuilderOutput()
    {
        var builder = fixture.NewImage().AddText("/etc/marker", "m").Run("echo about to fail; exit 9");
        var error = await Assert.ThrowsAsync<ImageBuildException>(() => builder.BuildAsync());
        Assert.Contains("echo about to fail; exit 9", error.Dockerfile);
        Assert.Contains("docker build failed", error.Message);
    }

    [DockerFact]
    public async Task AMissingBaseImageFailsWithTheProvisioningHint()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => fixture.NewImage().From("platform-no-such-image:never").AddText("/x", "x").BuildAsync());
        Assert.Contains("provision-docker.sh", error.Message);
    }

    [Fact]
    public void BadImagePathsAreRejectedWithTheirName()
    {
        var error = Assert.Throws<ArgumentException>(() => new ImageBuilder().AddText("etc/relative", "x"));
        Assert.Contains("etc/relative", error.Message);
        Assert.Throws<ArgumentException>(() => new ImageBuilder().Symlink("/usr/../etc/x", "y"));
        Assert.Throws<ArgumentException>(() => new ImageBuilder().AddPlatform("/nonexistent-publish-dir"));
    }
}
