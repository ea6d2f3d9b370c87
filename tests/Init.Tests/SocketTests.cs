using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>
/// Socket units under the init as PID 1 of a PID namespace: bound in sockets.target, services started on traffic.
/// </summary>
public sealed class SocketTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    private int EchoSocket(string name, bool enableService = false)
    {
        var port = SocketProbe.FreePort();
        _box.Unit(name + ".socket", $"[Socket]\nListenStream=127.0.0.1:{port}\n[Install]\nWantedBy=sockets.target\n");
        _box.Unit(name + ".service",
            $"[Service]\nExecStart={ActivatedServices.Python(_box, name)}\n[Install]\nWantedBy=multi-user.target\n");
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
        Assert.Equal(("active", "listening"), (init.Property("lazy.socket", "ActiveState"),
            init.Property("lazy.socket", "SubState")));
        Assert.Equal("inactive", init.Property("lazy.service", "ActiveState"));

        var answer = SocketProbe.Tcp(port);

        var pid = init.Property("lazy.service", "MainPID");
        Assert.Equal($"pid {pid} fds 1 names lazy.socket\n", answer);
        Assert.Equal("running", init.Property("lazy.socket", "SubState"));

        Assert.Equal(0, init.Exec("kill", "-KILL", pid).ExitCode);
        Assert.True(ServiceSandbox.WaitFor(() => init.Property("lazy.service", "ActiveState") == "failed",
            TimeSpan.FromSeconds(10)), init.Output);
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

    [InitFact]
    public void AcceptYesInstancesEndInactiveAndShowCountsTheirConnectionsUnderTheInit()
    {
        var port = SocketProbe.FreePort();
        _box.Unit("each.socket",
            $"[Socket]\nListenStream=127.0.0.1:{port}\nAccept=yes\n[Install]\nWantedBy=sockets.target\n");
        _box.Unit("each@.service",
            "[Service]\nExecStart=/bin/sh -c 'read line; echo \"got $$line\"'\nStandardInput=socket\n");
        Assert.Equal(0, _box.Systemctl("enable", "each.socket").ExitCode);
        using var init = new InitNamespace(_box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(30)), init.Output);

        using (var open = new System.Net.Sockets.TcpClient("127.0.0.1", port))
        {
            Assert.Equal("got one\n", SocketProbe.Tcp(port, "one\n"));
            Assert.True(ServiceSandbox.WaitFor(() => init.Property("each.socket", "NConnections") == "1",
                TimeSpan.FromSeconds(30)), init.Output);
            open.GetStream().Write("two\n"u8);
            Assert.Equal("got two\n", new StreamReader(open.GetStream()).ReadToEnd());
        }

        string Counts() => init.Systemctl("show", "each.socket", "-p", "NConnections,NAccepted").Stdout;
        Assert.True(ServiceSandbox.WaitFor(() => Counts() == "NConnections=0\nNAccepted=2\n", TimeSpan.FromSeconds(30)),
            Counts());
        var instances = Directory.GetFiles(_box.File("run/platform/status"), "each@*.status");
        Assert.Equal(2, instances.Length);
        foreach (var file in instances)
        {
            var unit = Path.GetFileName(file)[..^".status".Length];
            Assert.True(ServiceSandbox.WaitFor(() => init.Property(unit, "ActiveState") == "inactive",
                TimeSpan.FromSeconds(30)), unit);
            Assert.Equal(("dead", "success"), (init.Property(unit, "SubState"), init.Property(unit, "Result")));
        }
        Assert.Equal("running", init.Systemctl("is-system-running").Stdout.Trim());
    }
}
