using System.Globalization;
using System.Text.RegularExpressions;
using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>
/// Socket units without an init: <c>start x.socket</c> binds the listeners and leaves them with a detached holder, the
/// first connection starts the service with the listeners from fd 3 (sd_listen_fds semantics), the listener outlives
/// the service, and <c>stop</c> closes it. Real sockets, real processes.
/// </summary>
public sealed class SocketActivationTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    private (int Port, string Unix) EchoSocket(string name, string extra = "")
    {
        var port = SocketProbe.FreePort();
        _box.Unit(name + ".socket",
            $"[Unit]\nDescription=Echo {name}\n[Socket]\nListenStream=127.0.0.1:{port}\nListenStream=/run/{name}.sock\n"
            + $"{extra}");
        _box.Unit(name + ".service", $"[Service]\nExecStart={ActivatedServices.Python(_box, name)}\n");
        return (port, _box.File("run/" + name + ".sock"));
    }

    private static string[] OpenFds(int pid) =>
        [.. Directory.GetFiles($"/proc/{pid}/fd").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static string FdTarget(int pid, int fd) => new FileInfo($"/proc/{pid}/fd/{fd}").LinkTarget ?? "";

    [Fact]
    public void APythonServiceIsStartedByTheFirstConnectionWithBothListenersFromFd3()
    {
        var (port, unix) = EchoSocket("echo", "FileDescriptorName=web\n");

        var start = _box.Systemctl("start", "echo.socket");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("active", _box.Property("echo.socket", "ActiveState"));
        Assert.Equal("listening", _box.Property("echo.socket", "SubState"));
        Assert.Equal("inactive", _box.Property("echo.service", "ActiveState"));

        var answer = SocketProbe.Tcp(port);

        var pid = _box.MainPid("echo.service");
        Assert.Equal($"pid {pid} fds 2 names web:web\n", answer);
        Assert.Equal($"LISTEN_FDS=2 LISTEN_PID={pid} PID={pid} LISTEN_FDNAMES=web:web\n",
            File.ReadAllText(_box.File("echo.env")));
        Assert.Equal($"pid {pid} fds 2 names web:web\n", SocketProbe.Unix(unix));
        Assert.Equal("running", _box.Property("echo.socket", "SubState"));
    }

    [Fact]
    public void AShServiceSeesItsOwnPidAsListenPidAndOnlyTheListenerBesideStdio()
    {
        var port = SocketProbe.FreePort();
        var seen = _box.File("sh.seen");
        _box.Unit("plain.socket", $"[Socket]\nListenStream=127.0.0.1:{port}\n");
        // C convention (sd_listen_fds): LISTEN_PID must be the pid that runs; exec keeps it and the descriptors.
        _box.Unit("plain.service",
            $"[Service]\n"
            + $"ExecStart=/bin/sh -c 'echo \"$$LISTEN_FDS $$LISTEN_PID $$$$ $$LISTEN_FDNAMES\" > {seen}; exec sleep "
            + $"300'\n");
        Assert.Equal(0, _box.Systemctl("start", "plain.socket").ExitCode);

        using (var client = new System.Net.Sockets.TcpClient())
        {
            client.Connect("127.0.0.1", port);
            Assert.True(ServiceSandbox.WaitFor(() => File.Exists(seen) && File.ReadAllText(seen).EndsWith('\n'),
                TimeSpan.FromSeconds(30)));
        }

        // The holder records the main pid right after the spawn; the service may write its line before that.
        Assert.True(ServiceSandbox.WaitFor(() => _box.MainPid("plain.service") > 0, TimeSpan.FromSeconds(30)));
        var pid = _box.MainPid("plain.service");
        Assert.Equal($"1 {pid} {pid} plain.socket\n", File.ReadAllText(seen));
        Assert.Equal(["0", "1", "2", "3"], OpenFds(pid));
        Assert.StartsWith("socket:[", FdTarget(pid, 3));
    }

    [Fact]
    public void AServiceWithUserGetsItsListenPidFromTheExecHelper()
    {
        var port = SocketProbe.FreePort();
        // The sandbox root is private to root: nobody writes into a folder of its own.
        using var shared = new TempRoot("platform-sockets-nobody-");
        File.SetUnixFileMode(shared.Path, (UnixFileMode)0b111_111_111);
        var seen = shared.Combine("/seen");
        _box.Unit("asnobody.socket", $"[Socket]\nListenStream=127.0.0.1:{port}\n");
        _box.Unit("asnobody.service",
            $"[Service]\nUser=nobody\n"
            + $"ExecStart=/bin/sh -c 'echo \"$$LISTEN_FDS $$LISTEN_PID $$$$ $$(id -u)\" > {seen}; exec sleep 300'\n");
        Assert.Equal(0, _box.Systemctl("start", "asnobody.socket").ExitCode);

        using (var client = new System.Net.Sockets.TcpClient())
        {
            client.Connect("127.0.0.1", port);
            Assert.True(ServiceSandbox.WaitFor(() => File.Exists(seen) && File.ReadAllText(seen).EndsWith('\n'),
                TimeSpan.FromSeconds(30)));
        }

        var pid = _box.MainPid("asnobody.service");
        Assert.Equal($"1 {pid} {pid} 65534\n", File.ReadAllText(seen));
        Assert.Equal(["0", "1", "2", "3"], OpenFds(pid));
    }

    [Fact]
    public void TheListenerOutlivesACrashAndARestartOfTheService()
    {
        var (port, _) = EchoSocket("sturdy");
        Assert.Equal(0, _box.Systemctl("start", "sturdy.socket").ExitCode);
        var first = SocketProbe.Tcp(port);
        var pid = _box.MainPid("sturdy.service");
        Assert.StartsWith($"pid {pid} ", first);

        System.Diagnostics.Process.GetProcessById(pid).Kill();
        Assert.True(ServiceSandbox.WaitFor(() => !ServiceSandbox.IsAlive(pid), TimeSpan.FromSeconds(10)));

        var second = SocketProbe.Tcp(port);
        var again = _box.MainPid("sturdy.service");
        Assert.NotEqual(pid, again);
        Assert.Equal($"pid {again} fds 2 names sturdy.socket:sturdy.socket\n", second);

        var restart = _box.Systemctl("restart", "sturdy.service");
        Assert.True(restart.ExitCode == 0, restart.ToString());
        var third = _box.MainPid("sturdy.service");
        Assert.NotEqual(again, third);
        Assert.Equal($"pid {third} fds 2 names sturdy.socket:sturdy.socket\n", SocketProbe.Tcp(port));
    }

    [Fact]
    public void AServiceStartedDirectlyGetsItsActiveSocketsDescriptorsButAnUnrelatedServiceGetsNone()
    {
        var (port, _) = EchoSocket("direct");
        _box.Unit("unrelated.service", "[Service]\nExecStart=/bin/sleep 300\n");
        Assert.Equal(0, _box.Systemctl("start", "direct.socket").ExitCode);

        Assert.Equal(0, _box.Systemctl("start", "direct.service", "unrelated.service").ExitCode);

        var pid = _box.MainPid("direct.service");
        Assert.Equal($"pid {pid} fds 2 names direct.socket:direct.socket\n", SocketProbe.Tcp(port));
        var other = _box.MainPid("unrelated.service");
        Assert.Equal(["0", "1", "2"], OpenFds(other));
        Assert.DoesNotContain("LISTEN_", File.ReadAllText($"/proc/{other}/environ"));
    }

    [Fact]
    public void AcceptYesStartsOneInstancePerConnectionWithTheConnectionAsStdinAndStdout()
    {
        var port = SocketProbe.FreePort();
        _box.Unit("greet.socket", $"[Socket]\nListenStream=127.0.0.1:{port}\nAccept=yes\n");
        _box.Unit("greet@.service",
            "[Service]\n"
            + "ExecStart=/bin/sh -c 'read line; echo \"hello $$line fds=$$LISTEN_FDS names=$$LISTEN_FDNAMES\"'\n"
            + "StandardInput=socket\n");
        Assert.Equal(0, _box.Systemctl("start", "greet.socket").ExitCode);

        Assert.Equal("hello one fds=1 names=connection\n", SocketProbe.Tcp(port, "one\n"));
        Assert.Equal("hello two fds=1 names=connection\n", SocketProbe.Tcp(port, "two\n"));

        var instances = _box.Systemctl("list-units", "--all", "--no-legend", "--plain", "greet@*").Stdout;
        Assert.Matches(new Regex($@"^greet@0-127\.0\.0\.1:{port}-127\.0\.0\.1:\d+\.service ", RegexOptions.Multiline),
            instances);
        Assert.Matches(new Regex($@"^greet@1-127\.0\.0\.1:{port}-127\.0\.0\.1:\d+\.service ", RegexOptions.Multiline),
            instances);
        Assert.Equal("listening", _box.Property("greet.socket", "SubState"));
    }

    [Fact]
    public void AcceptYesInstancesThatEndedReadInactiveOrFailedByTheirExitStatusWithoutAnInit()
    {
        var port = SocketProbe.FreePort();
        var unix = _box.File("run/ended.sock");
        _box.Unit("ended.socket",
            $"[Socket]\nListenStream=127.0.0.1:{port}\nListenStream=/run/ended.sock\nAccept=yes\n");
        _box.Unit("ended@.service",
            "[Service]\nExecStart=/bin/sh -c 'read line; echo \"got $$line\"; [ \"$$line\" != fail ] || exit 3'\n"
            + "StandardInput=socket\n");
        Assert.Equal(0, _box.Systemctl("start", "ended.socket").ExitCode);

        Assert.Equal("got tcp\n", SocketProbe.Tcp(port, "tcp\n"));
        Assert.Equal("got unix\n", SocketProbe.Unix(unix, "unix\n"));
        Assert.Equal("got fail\n", SocketProbe.Tcp(port, "fail\n"));

        var instances = Directory.GetFiles(_box.File("run/platform/status"), "ended@*.status")
            .Select(f => Path.GetFileName(f)[..^".status".Length]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(3, instances.Length);
        Assert.Matches($@"^ended@0-127\.0\.0\.1:{port}-127\.0\.0\.1:\d+\.service$", instances[0]);
        Assert.Matches(@"^ended@1-\d+-0\.service$", instances[1]);
        Assert.StartsWith("ended@2-127.0.0.1:", instances[2]);
        string State(string unit) =>
            string.Join(' ', _box.Systemctl("show", unit, "-p", "ActiveState,SubState,Result,ExecMainStatus").Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        var expected = new[]
        {
            "ActiveState=inactive ExecMainStatus=0 Result=success SubState=dead",
            "ActiveState=inactive ExecMainStatus=0 Result=success SubState=dead",
            "ActiveState=failed ExecMainStatus=3 Result=exit-code SubState=failed",
        };
        Assert.True(ServiceSandbox.WaitFor(() => instances.Select(State).SequenceEqual(expected),
            TimeSpan.FromSeconds(30)),
            string.Join(" | ", instances.Select(State)));
        Assert.Equal(("active", "listening"), (_box.Property("ended.socket", "ActiveState"),
            _box.Property("ended.socket", "SubState")));
    }

    [Fact]
    public void ShowCountsOpenAcceptedAndRefusedConnectionsOfAnAcceptYesSocket()
    {
        var port = SocketProbe.FreePort();
        _box.Unit("count.socket", $"[Socket]\nListenStream=127.0.0.1:{port}\nAccept=yes\nMaxConnectionsPerSource=2\n");
        _box.Unit("count@.service",
            "[Service]\nExecStart=/bin/sh -c 'read line; echo \"got $$line\"'\nStandardInput=socket\n");
        Assert.Equal(0, _box.Systemctl("start", "count.socket").ExitCode);
        string Counters() => _box.Systemctl("show", "count.socket", "-p", "NConnections,NAccepted,NRefused").Stdout;
        Assert.Equal("NConnections=0\nNAccepted=0\nNRefused=0\n", Counters());

        using var first = new System.Net.Sockets.TcpClient("127.0.0.1", port);
        using var second = new System.Net.Sockets.TcpClient("127.0.0.1", port);
        Assert.True(ServiceSandbox.WaitFor(() => Counters() == "NConnections=2\nNAccepted=2\nNRefused=0\n",
            TimeSpan.FromSeconds(30)), Counters());
        // A third connection from the same address is over MaxConnectionsPerSource=: accepted and closed at once.
        Assert.Equal("", SocketProbe.Tcp(port));
        Assert.Equal("NConnections=2\nNAccepted=2\nNRefused=1\n", Counters());

        foreach (var client in new[] { first, second })
        {
            client.GetStream().Write("bye\n"u8);
            Assert.Equal("got bye\n", new StreamReader(client.GetStream()).ReadToEnd());
        }
        Assert.True(ServiceSandbox.WaitFor(() => Counters() == "NConnections=0\nNAccepted=2\nNRefused=1\n",
            TimeSpan.FromSeconds(30)), Counters());
        Assert.Equal(0, _box.Systemctl("stop", "count.socket").ExitCode);
        Assert.Equal("NConnections=0\nNAccepted=0\nNRefused=0\n", Counters());
    }

    [Fact]
    public void AConnectionOverMaxConnectionsIsRefusedUntilAnInstanceEnds()
    {
        var port = SocketProbe.FreePort();
        _box.Unit("one.socket", $"[Socket]\nListenStream=127.0.0.1:{port}\nAccept=yes\nMaxConnections=1\n");
        _box.Unit("one@.service",
            "[Service]\nExecStart=/bin/sh -c 'read line; echo \"got $$line\"'\nStandardInput=socket\n");
        Assert.Equal(0, _box.Systemctl("start", "one.socket").ExitCode);

        using (var held = new System.Net.Sockets.TcpClient("127.0.0.1", port))
        {
            Assert.True(ServiceSandbox.WaitFor(() => _box.Property("one.socket", "NConnections") == "1",
                TimeSpan.FromSeconds(30)));
            Assert.Equal("", SocketProbe.Tcp(port));
            Assert.Equal("1", _box.Property("one.socket", "NRefused"));
            held.GetStream().Write("first\n"u8);
            Assert.Equal("got first\n", new StreamReader(held.GetStream()).ReadToEnd());
        }

        Assert.True(ServiceSandbox.WaitFor(() => _box.Property("one.socket", "NConnections") == "0",
            TimeSpan.FromSeconds(30)));
        Assert.Equal("got again\n", SocketProbe.Tcp(port, "again\n"));
        string Counts() => _box.Systemctl("show", "one.socket", "-p", "NConnections,NAccepted,NRefused").Stdout;
        Assert.True(ServiceSandbox.WaitFor(() => Counts() == "NConnections=0\nNAccepted=2\nNRefused=1\n",
            TimeSpan.FromSeconds(30)), Counts());
    }

    [Fact]
    public void StopClosesTheListenersEndsTheHolderAndRemovesTheFilesWithRemoveOnStop()
    {
        var (port, unix) = EchoSocket("gone", "RemoveOnStop=yes\nSymlinks=/run/gone-link.sock\n");
        Assert.Equal(0, _box.Systemctl("start", "gone.socket").ExitCode);
        Assert.True(File.Exists(unix));
        Assert.Equal(unix, new FileInfo(_box.File("run/gone-link.sock")).LinkTarget);
        // A connect would start gone.service, which keeps its copy of the listener after the socket stops (as in
        // systemd): probe by binding instead.
        Assert.True(SocketProbe.Bound(port));

        var stop = _box.Systemctl("stop", "gone.socket");

        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.False(SocketProbe.Bound(port));
        Assert.Equal("inactive", _box.Property("gone.service", "ActiveState"));
        Assert.False(File.Exists(unix));
        Assert.False(Path.Exists(_box.File("run/gone-link.sock")));
        Assert.Equal("inactive", _box.Property("gone.socket", "ActiveState"));
        Assert.Empty(ProcessesMentioning("__socket-holder"));
    }

    [Fact]
    public void AnAddressInUseFailsTheStartWithResultResources()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        _box.Unit("busy.socket", $"[Socket]\nListenStream=127.0.0.1:{port}\n");
        _box.Unit("busy.service", "[Service]\nExecStart=/bin/sleep 300\n");

        var start = _box.Systemctl("start", "busy.socket");

        Assert.Equal(1, start.ExitCode);
        Assert.Contains("busy.socket", start.Stderr);
        Assert.Equal(("failed", "resources"), (_box.Property("busy.socket", "ActiveState"),
            _box.Property("busy.socket", "Result")));
    }

    [Fact]
    public void ShowStatusAndListSocketsDescribeTheSocketAsSystemdDoes()
    {
        var (port, _) = EchoSocket("shown", "Backlog=12\nSocketMode=0600\n");
        Assert.Equal(0, _box.Systemctl("start", "shown.socket").ExitCode);

        var show = _box.Systemctl("show", "shown.socket", "-p",
            "Listen,Backlog,SocketMode,Accept,Triggers,SubState,FileDescriptorName").Stdout;
        Assert.Equal(
            $"Backlog=12\nSocketMode=0600\nAccept=no\nListen=127.0.0.1:{port} (Stream)\n"
            + $"Listen=/run/shown.sock (Stream)\n"
            + "FileDescriptorName=shown.socket\nTriggers=shown.service\nSubState=listening\n", show);
        Assert.Equal("600", Convert.ToString((int)File.GetUnixFileMode(_box.File("run/shown.sock")), 8));

        var status = _box.Systemctl("status", "shown.socket").Stdout;
        Assert.Contains("     Active: active (listening) since ", status);
        Assert.Contains(
            $"   Triggers: ● shown.service\n     Listen: 127.0.0.1:{port} (Stream)\n"
            + $"             /run/shown.sock (Stream)\n", status);

        var list = _box.Systemctl("list-sockets").Stdout.Split('\n');
        Assert.Matches(@"^LISTEN +UNIT +ACTIVATES$", list[0]);
        Assert.Matches(@"^/run/shown\.sock +shown\.socket +shown\.service$", list[1]);
        Assert.Matches($@"^127\.0\.0\.1:{port} +shown\.socket +shown\.service$", list[2]);
        Assert.Equal(["", "2 sockets listed.", "Pass --all to see loaded but inactive sockets, too.", ""], list[3..]);
        Assert.Equal(list[0].IndexOf("UNIT", StringComparison.Ordinal),
            list[1].IndexOf("shown.socket", StringComparison.Ordinal));
    }

    /// <summary>Processes of this sandbox whose command line contains <paramref name="text"/>.</summary>
    private List<int> ProcessesMentioning(string text)
    {
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Join(dir, "cmdline"));
                if (cmdline.Contains(text, StringComparison.Ordinal)
                    && cmdline.Contains(_box.Path, StringComparison.Ordinal)) found.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }
}
