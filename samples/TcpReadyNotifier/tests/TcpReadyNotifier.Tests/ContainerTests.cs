using Platform.Testing;

namespace TcpReadyNotifier.Tests;

/// <summary>
/// The plugin installed the way an administrator would, in a Debian container (the Docker harness of src/Testing):
/// systemctl in /usr/lib/platform, the plugin folder in /etc/platform/plugins/tcp-ready-notifier/.
/// </summary>
public sealed class ContainerTests(DockerFixture docker, PublishedPlugin plugin) : IClassFixture<DockerFixture>, IClassFixture<PublishedPlugin>
{
    private const string Unit = "[Service]\nType=notify\nX-NotifyTransport=tcp-port\nX-ReadyPort=8080\n"
        + "ExecStart=/usr/bin/python3 -c \"import socket,time; time.sleep(0.5); s=socket.create_server(('127.0.0.1', 8080)); time.sleep(600)\"\n";

    private Task<TestImage> ImageAsync() => docker.NewImage()
        .AddPlatform(Repository.PublishDirectory)
        .AddPluginHost(Repository.PluginHostDirectory)
        .AddDirectory(plugin.Folder, "/etc/platform/plugins/tcp-ready-notifier")
        .AddText("/etc/systemd/system/web.service", Unit)
        .BuildAsync();

    [DockerFact]
    public async Task PluginInstalledUnderEtcIsLoadedInsideTheContainer()
    {
        await using var container = await docker.NewContainer(await ImageAsync()).WithCommand("sleep", "infinity").StartAsync();
        var list = await container.ExecAsync("systemctl", "list-plugins", "--no-legend");
        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"(?m)^notify-transport +tcp-port +TcpReadyNotifier\.dll +0\.1\.0 +loaded +/etc/platform/plugins/tcp-ready-notifier$", list.Stdout);
    }

    [DockerLifecycleFact]
    public async Task NotifyServiceInsideTheContainerBecomesActiveOnceItsPortListens()
    {
        await using var container = await docker.NewContainer(await ImageAsync()).WithCommand("sleep", "infinity").StartAsync();
        var start = await container.ExecAsync("systemctl", "start", "web.service");
        Assert.True(start.ExitCode == 0, start.ToString());
        var isActive = await container.ExecAsync("systemctl", "is-active", "web.service");
        Assert.Equal("active", isActive.Stdout.Trim());
    }

    [DockerLifecycleFact]
    public async Task OurInitAsPid1HandsTheBootToThePluginHostWhichStartsTheServiceThroughThePlugin()
    {
        var image = await docker.NewImage()
            .AddPlatform(Repository.PublishDirectory)
            .AddPluginHost(Repository.PluginHostDirectory)
            .AddDirectory(plugin.Folder, "/etc/platform/plugins/tcp-ready-notifier")
            .AddText("/etc/systemd/system/web.service", Unit + "[Install]\nWantedBy=multi-user.target\n")
            .Symlink("/etc/systemd/system/multi-user.target.wants/web.service", "/etc/systemd/system/web.service")
            .BuildAsync();
        // The default command is our systemctl as PID 1; the start waits until the boot answers running or degraded.
        await using var container = await docker.NewContainer(image).WithBootWait(true).StartAsync();
        Assert.Equal("active", (await container.ExecAsync("systemctl", "is-active", "web.service")).Stdout.Trim());
        var pid1 = await container.ExecAsync("readlink", "/proc/1/exe");
        Assert.EndsWith("/plugin-host/systemctl-plugin-host", pid1.Stdout.Trim(), StringComparison.Ordinal);
    }
}
