using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>Socket units under the init as PID 1 of a PID namespace: bound in sockets.target, services started on traffic.</summary>
public sealed class SocketTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    private int EchoSocket(string name, bool enableService = false)
    {
        var port = SocketProbe.FreePort();
        _box.Unit(name + ".socket", $"[Socket]\nListenStream=127.0.0.1:{port}\n[Install]\nWantedBy=sockets.target\n");
        _box.Unit(name + ".service", $"[Service]\nExecStart={ActivatedServices.Python(_box, name)}\n[Install]\nWantedBy=multi-user.target\n");
        Assert.Equal(0, _box.Systemctl("enable", name + ".socket").ExitCode);
        if (enableService) Assert.Equal(0, _box.Systemctl("enable", name + ".service").ExitCode);
        return port;
    }

    [InitFact]
    public void AnEnabledSocketListensAfterBootAndTheFirstConnectionStartsItsServiceAgainAfterACrash()
    {
        var port = EchoSocket("lazy");
        using var init = new InitNamespace(_box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(30)), init.Output);
        Assert.Equal(("active", "listening"), (init.Property("lazy.socket", "ActiveState"), init.Property("lazy.socket", "SubState")));
        Assert.Equal("inactive", init.Property("lazy.service", "ActiveState"));

        var answer = SocketProbe.Tcp(port);

        var pid = init.Property("lazy.service", "MainPID");
        Assert.Equal($"pid {pid} fds 1 names lazy.socket\n", answer);
        Assert.Equal("running", init.Property("lazy.socket", "SubState"));

        Assert.Equal(0, init.Exec("kill", "-KILL", pid).ExitCode);
        Assert.True(ServiceSandbox.WaitFor(() => init.Property("lazy.service", "ActiveState") == "failed", TimeSpan.FromSeconds(10)), init.Output);
        Assert.Equal("listening", init.Property("lazy.socket", "SubState"));

        var again = SocketProbe.Tcp(port);
        var second = init.Property("lazy.service", "MainPID");
        Assert.NotEqual(pid, second);
        Assert.Equal($"pid {second} fds 1 names lazy.socket\n", again);

        Assert.Equal(0, init.Terminate(TimeSpan.FromSeconds(30)));
        Assert.True(SocketProbe.Refused(port));
    }

    [InitFact]
    public void AServiceEnabledBesideItsSocketStartsAtBootWithTheListenerAlreadyBound()
    {
        var port = EchoSocket("eager", enableService: true);
        using var init = new InitNamespace(_box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(30)), init.Output);

        var pid = init.Property("eager.service", "MainPID");
        Assert.NotEqual("0", pid);
        Assert.Equal($"pid {pid} fds 1 names eager.socket\n", SocketProbe.Tcp(port));
        Assert.Contains("eager.socket", init.Systemctl("list-sockets").Stdout);
    }
}
