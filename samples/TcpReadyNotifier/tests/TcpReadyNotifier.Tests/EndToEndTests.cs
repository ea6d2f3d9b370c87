using System.Net;
using System.Net.Sockets;

namespace TcpReadyNotifier.Tests;

/// <summary>
/// The published plugin dropped into <c>$PLATFORM_PLUGIN_PATH</c> of the published systemctl, starting real services
/// in a temporary <c>--root</c>. Every process the services left is killed afterwards (they carry the root in their command line).
/// </summary>
public sealed class EndToEndTests(PublishedPlugin plugin) : IClassFixture<PublishedPlugin>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tcp-ready-root-").FullName;

    private ProcessResult Systemctl(params string[] arguments)
    {
        Assert.True(File.Exists(Repository.Systemctl), $"{Repository.Systemctl} is missing: run ./test.sh or `dotnet publish src/Host -c Release -o artifacts/publish` first");
        return Processes.Run(Repository.Systemctl, ["--root=" + _root, .. arguments], TimeSpan.FromSeconds(60),
            new Dictionary<string, string> { ["PLATFORM_PLUGIN_PATH"] = plugin.PluginPath });
    }

    private void WriteService(string name, string serviceSection)
    {
        var folder = Path.Join(_root, "etc", "systemd", "system");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Join(folder, name), "[Unit]\nDescription=Python program that cannot speak sd_notify\n\n[Service]\n" + serviceSection);
    }

    // The root path as an extra argument marks the process, so Dispose can find and kill it.
    private string Python(string code) => $"ExecStart=/usr/bin/python3 -c \"{code}\" {_root}\n";

    [Fact]
    public void PublishedFolderIsListedAsALoadedNotifyTransport()
    {
        var list = Systemctl("list-plugins", "--no-legend");
        Assert.True(list.ExitCode == 0, list.Describe());
        var row = Array.Find(list.Stdout.Split('\n'), line => line.StartsWith("notify-transport ", StringComparison.Ordinal) && line.Contains(" tcp-port "));
        Assert.NotNull(row);
        Assert.Contains("TcpReadyNotifier.dll", row);
        Assert.Contains(" loaded ", row);
        Assert.Contains(plugin.Folder, row);
        Assert.DoesNotContain("skipped", list.Stderr);
    }

    [LifecycleFact]
    public void NotifyServiceBecomesActiveOnceItsPortListens()
    {
        var port = LoopbackListener.FreePort();
        WriteService("x.service", $"Type=notify\nX-NotifyTransport=tcp-port\nX-ReadyPort={port}\n" +
            Python($"import socket,time; time.sleep(0.5); s=socket.create_server(('127.0.0.1', {port})); time.sleep(120)"));

        var start = Systemctl("start", "x.service");

        Assert.True(start.ExitCode == 0, start.Describe());
        Assert.True(start.Elapsed >= TimeSpan.FromMilliseconds(450), "start returned before the program could listen: " + start.Describe());
        using (var client = new TcpClient())
            client.Connect(IPAddress.Loopback, port); // ready means listening
        var isActive = Systemctl("is-active", "x.service");
        Assert.True(isActive.ExitCode == 0, isActive.Describe());
        Assert.Equal("active", isActive.Stdout.Trim());
    }

    [LifecycleFact]
    public void NotifyServiceWhosePortNeverListensFailsAtTheStartTimeout()
    {
        var port = LoopbackListener.FreePort();
        WriteService("never.service", $"Type=notify\nX-NotifyTransport=tcp-port\nX-ReadyPort={port}\nTimeoutStartSec=1\n" +
            Python("import time; time.sleep(120)"));

        var start = Systemctl("start", "never.service");

        Assert.True(start.ExitCode != 0, start.Describe());
        Assert.True(start.Elapsed >= TimeSpan.FromSeconds(0.9), "failed before the start timeout: " + start.Describe());
        var isActive = Systemctl("is-active", "never.service");
        Assert.Equal("failed", isActive.Stdout.Trim());
    }

    public void Dispose()
    {
        Processes.KillAllMentioning(_root);
        Directory.Delete(_root, recursive: true);
    }
}
