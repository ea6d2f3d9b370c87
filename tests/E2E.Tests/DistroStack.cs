using System.Diagnostics;
using Platform.Testing;
using Platform.TestSupport;

namespace Platform.E2E.Tests;

/// <summary>
/// One answer a container gave: the section it belongs to, what was asked, and the (normalised) answer.
/// </summary>
public sealed record Observation(string Section, string Key, string Value);

/// <summary>One question both containers answered differently.</summary>
public sealed record Difference(string Section, string Key, string Systemd, string Ours)
{
    private static string OneLine(string s) => s.Replace("\n", " \u23ce ", StringComparison.Ordinal);

    public override string ToString() =>
        $"[{Section}] {Key}: systemd 252 `{OneLine(Systemd)}` | ours `{OneLine(Ours)}`";
}

/// <summary>
/// Debian's own packages (<see cref="BaseImages.Distro"/>: openssh-server, nginx-light, cron, redis-server, memcached,
/// rsyslog, chrony, dbus and systemd 252 itself) booted side by side by real systemd 252 and by our systemctl installed
/// over <c>/usr/bin/systemctl</c> as PID 1. Both containers get the same two test drop-ins, then the same questions in
/// the same order; the fixture runs everything once (boot, states, sockets, verbs, docker stop) and the tests compare
/// a section each.
/// </summary>
public sealed class DistroStack : IAsyncLifetime
{
    /// <summary>The services of the packages, each compared whether enabled or not (dbus.service is static).</summary>
    public static readonly string[] PackagedUnits =
    [
        "ssh.service", "nginx.service", "cron.service", "redis-server.service", "memcached.service", "rsyslog.service",
        "chrony.service", "dbus.service", "dbus.socket", "postgresql.service", "postgresql@15-main.service",
    ];

    /// <summary>The services whose stop/start/restart/reload are compared.</summary>
    public static readonly string[] VerbUnits = ["nginx.service", "redis-server.service", "cron.service"];

    /// <summary>
    /// Each daemon's TCP port on 127.0.0.1 and the line that makes it answer (null: it speaks first).
    /// </summary>
    public static readonly (string Name, int Port, string? Request)[] Sockets =
    [
        ("sshd", 22, null), ("nginx", 80, "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n"), ("redis", 6379, "PING\r\n"),
        ("memcached", 11211, "version\r\n"),
    ];

    /// <summary>
    /// The services that get a recording ExecStop= (appended after their own) for the docker stop comparison.
    /// </summary>
    private static readonly string[] Recorded =
        ["ssh.service", "nginx.service", "cron.service", "redis-server.service", "memcached.service",
            "rsyslog.service"];

    private const string StopLog = "/var/lib/distro-test/stops";

    public DockerFixture Docker { get; } = new();

    public List<Observation> Systemd { get; } = [];
    public List<Observation> Ours { get; } = [];

    /// <summary>
    /// How long the preparation took (image builds, both boots, questions, docker stop), for the report.
    /// </summary>
    public Dictionary<string, TimeSpan> Durations { get; } = [];

    public async ValueTask InitializeAsync()
    {
        await Docker.InitializeAsync();
        if (DockerAvailability.SkipReason(BaseImages.Distro) is not null
            || DockerAvailability.ImageProblem(BaseImages.Distro) is not null
            && !DockerAvailability.IsImageRequired(BaseImages.Distro)) return;

        var clock = Stopwatch.StartNew();
        var reference = await Prepare(Docker.NewImage().From(BaseImages.Distro)).BuildAsync();
        var ours = await Prepare(Docker.NewImage().From(BaseImages.Distro).AddPlatform(Published.Directory))
            .BuildAsync();
        Durations["image builds"] = clock.Elapsed;

        // No boot wait: ObserveAsync records how each boot ends, even one that never gets there.
        await using var systemd = await Docker.NewSystemdReference(reference).WithBootWait(false).StartAsync();
        await using var platform = await Docker.NewPlatform(ours).WithBootWait(false).StartAsync();
        clock.Restart();
        await Task.WhenAll(ObserveAsync(systemd, Systemd, "systemd 252"), ObserveAsync(platform, Ours, "ours"));
        Durations["boot, questions and docker stop (both in parallel)"] = clock.Elapsed;
    }

    public ValueTask DisposeAsync() => Docker.DisposeAsync();

    /// <summary>
    /// The drop-ins both images get, and PostgreSQL's default cluster. redis-server: systemd 252 in Docker cannot set
    /// up PrivateUsers= together with ProtectProc=invisible (217/USER, systemd issue 29656), so both are reset on both
    /// sides (and NoExecPaths=, which would forbid the recording script). The recorded services: one more ExecStop=
    /// after their own, which appends the unit name (and, for nginx, whether its pid file is still there) to a file
    /// that outlives the container's tmpfs /run.
    /// </summary>
    private static ImageBuilder Prepare(ImageBuilder builder)
    {
        builder
            .AddExecutable("/usr/local/lib/distro-test/record-stop",
                "#!/bin/sh\nif [ -e /run/nginx.pid ]; then pid=nginx.pid-present; else pid=nginx.pid-gone; fi\n"
                + $"[ \"$1\" = nginx.service ] || pid=\necho \"$1 $pid\" >> {StopLog}\n")
            .AddText("/etc/systemd/system/redis-server.service.d/10-docker.conf",
                "[Service]\nPrivateUsers=no\nProtectProc=default\n")
            // redis may execute nothing but its own binary (NoExecPaths=/): the recording ExecStop= needs /bin/sh.
            .AddText("/etc/systemd/system/redis-server.service.d/91-record-stop-exec.conf",
                "[Service]\nNoExecPaths=\nExecPaths=\n")
            // redis' ExecStop= runs as User=redis.
            .Run($"mkdir -p /var/lib/distro-test && touch {StopLog} && chmod 1777 /var/lib/distro-test && chmod 666 "
                + $"{StopLog}")
            // debootstrap installs postgresql without the default cluster its postinst makes on a running system: make
            // it, as a user's install has it, so postgresql's generator has a cluster to want (postgresql@15-main).
            .Run("pg_createcluster 15 main >/dev/null");
        foreach (var unit in Recorded)
            builder.AddText($"/etc/systemd/system/{unit}.d/90-record-stop.conf",
                $"[Service]\nReadWritePaths=-/var/lib/distro-test\n"
                    + $"ExecStop=/usr/local/lib/distro-test/record-stop {unit}\n");
        return builder;
    }

    private static async Task ObserveAsync(PlatformContainer c, List<Observation> into, string side)
    {
        void Add(string section, string key, string value) =>
            into.Add(new Observation(section, key, value.TrimEnd('\n')));
        async Task<string> Run(params string[] command)
        {
            var r = await c.ExecAsync(command, timeout: TimeSpan.FromSeconds(120));
            return $"exit={r.ExitCode} {r.Stdout.Trim()}" + (r.Stderr.Trim() is { Length: > 0 } e
                ? $" stderr={e}" : "");
        }

        // Boot: running or degraded, whichever comes; a boot stuck elsewhere is recorded, not thrown.
        var clock = Stopwatch.StartNew();
        var state = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            state = (await c.ExecAsync("systemctl", "is-system-running")).Stdout.Trim();
            if (state is "running" or "degraded") break;
            await Task.Delay(250);
        }
        // Late starters (timers firing, sockets) settle after the manager says it is up: until no job is left queued.
        clock.Restart();
        while (clock.Elapsed < TimeSpan.FromSeconds(60)
               && (await c.ExecAsync("systemctl", "list-jobs", "--no-legend")).Stdout.Trim().Length > 0)
            await Task.Delay(250);
        Add("boot", "is-system-running", (await c.ExecAsync("systemctl", "is-system-running")).Stdout);
        Add("boot", "get-default", await Run("systemctl", "get-default"));

        // Units: the packages' services and every unit file either side reports enabled.
        var enabled = (await c.ExecAsync("systemctl", "list-unit-files", "--state=enabled", "--no-legend")).Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0])
            .Order(StringComparer.Ordinal).ToList();
        Add("boot", "list-unit-files --state=enabled", string.Join(' ', enabled));
        foreach (var unit in PackagedUnits.Concat(enabled).Concat(AlsoEnabled).Distinct())
            await ObserveUnitAsync(c, unit, (k, v) => Add("units", k, v));

        // Sockets.
        foreach (var (name, port, request) in Sockets)
            Add("sockets", $"{name} on 127.0.0.1:{port}", await AskAsync(c, port, request));
        Add("sockets", "dbus on /run/dbus/system_bus_socket", (await c.ExecAsync("python3", "-c",
            "import socket\ns=socket.socket(socket.AF_UNIX)\ntry:\n"
                + " s.connect('/run/dbus/system_bus_socket'); print('connected')\n"
                + "except OSError as e: print(type(e).__name__)")).Stdout);
        // The bus itself: dbus-daemon on the socket unit's listener answers a method call (dbus-send is in Debian's
        // dbus).
        var bus = await c.ExecAsync("dbus-send", "--system", "--dest=org.freedesktop.DBus", "--print-reply",
            "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames");
        Add("sockets", "dbus-send --system ListNames answers",
            bus.ExitCode == 0 ? "yes" : $"exit={bus.ExitCode} {bus.Stderr.Trim()}");
        // Our init has no D-Bus API of its own (README), so systemd's org.freedesktop.systemd1 is left out of the
        // comparison.
        Add("sockets", "well-known bus names besides org.freedesktop.systemd1", string.Join(' ', bus.Stdout.Split('\n')
            .Select(l => l.Trim()).Where(l =>
                l.StartsWith("string \"", StringComparison.Ordinal)
                && !l.StartsWith("string \":", StringComparison.Ordinal))
            .Select(l => l[8..^1]).Where(n => n != "org.freedesktop.systemd1").Order(StringComparer.Ordinal)));

        // PostgreSQL's cluster unit exists only through its package's generator (postgresql@15-main wanted by
        // postgresql.service): a query answers when the generator ran and the cluster started.
        var sql = await c.ExecAsync("su", "postgres", "-c", "psql -tAc 'select 40 + 2'");
        Add("sockets", "psql select 40 + 2 as postgres", sql.ExitCode == 0
            ? sql.Stdout.Trim() : $"exit={sql.ExitCode} {sql.Stderr.Trim()}");

        // Failed units, zombies, what runs.
        Add("failed", "systemctl --failed", await Run("systemctl", "--failed", "--no-legend", "--plain"));
        Add("failed", "list-units --state=failed",
            string.Join(' ', (await c.ExecAsync("systemctl", "list-units", "--state=failed", "--no-legend", "--plain"))
                .Stdout
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0])
                    .Order(StringComparer.Ordinal)));
        var ps = (await c.ExecAsync("ps", "-eo", "stat=,pid=,comm="))
            .Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length == 3).ToList();
        Add("zombies", "after the boot", string.Join(' ', ps.Where(p => p[0].StartsWith('Z')).Select(p => p[2])
            .Order(StringComparer.Ordinal)) is { Length: > 0 } z ? z : "none");
        Add("processes", "daemons running (comm, pid 1 and the test's own excluded)", string.Join(' ', ps
            .Where(p => p[1] != "1" && p[2] is not ("ps" or "systemctl" or "sh"))
            .Select(p => p[2]).Distinct().Order(StringComparer.Ordinal)));

        // Verbs: each outcome, and what the unit looks like after it.
        foreach (var unit in VerbUnits)
        {
            foreach (var verb in (string[])["stop", "start", "restart", "reload"])
            {
                var before = await MainPidAsync(c, unit);
                Add("verbs", $"{verb} {unit}", await Run("systemctl", verb, unit));
                await Task.Delay(500);
                var after = await MainPidAsync(c, unit);
                var show = (await c.ExecAsync("systemctl", "show", unit, "-p", "ActiveState,SubState,Result"))
                    .Stdout.Trim().Replace('\n', ' ');
                var pid = after == "0" ? "no main process" : after == before ? "same main process" : "new main process";
                // What the recording ExecStop= wrote during this verb (the log is emptied after each).
                var recorded = (await c.ShellAsync($"cat {StopLog}; : > {StopLog}"))
                    .Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var ran = recorded.Length == 0 ? "no ExecStop=" : "ExecStop= ran: "
                    + string.Join(", ", recorded.Select(l => l.Trim()));
                Add("verbs", $"after {verb} {unit}", $"{show} {pid}, {ran}");
            }
        }
        foreach (var (name, port, request) in Sockets.Where(s => s.Name is "nginx" or "redis"))
            Add("verbs", $"{name} answers after the verbs", await AskAsync(c, port, request));
        Add("zombies", "after the verbs", (await c.ShellAsync(
            "ps -eo stat=,comm= | awk '$1 ~ /^Z/ {print $2}' | sort | tr '\\n' ' '"))
            .Stdout.Trim() is { Length: > 0 } zv ? zv : "none");

        // docker stop: the exit code, then which ExecStop= ran (read from the stopped container).
        await c.ShellAsync($": > {StopLog}");
        var stopClock = Stopwatch.StartNew();
        int exit;
        try { exit = await c.StopAsync(TimeSpan.FromSeconds(60)); }
        catch (Exception e) { exit = -1; Add("docker-stop", "error", e.Message); }
        Add("docker-stop", "exit code", exit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("docker-stop", "within 15 s", (stopClock.Elapsed < TimeSpan.FromSeconds(15)).ToString());
        string stops;
        try { stops = await c.ReadTextAsync(StopLog); }
        catch (Exception e) { stops = "unreadable: " + e.Message.Split('\n')[0]; }
        var lines = stops.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var unit in Recorded)
            Add("docker-stop", $"ExecStop= of {unit} ran", string.Join(" ",
                lines.Where(l => l.Split(' ')[0] == unit).Select(l => l.Trim())) is { Length: > 0 } s ? s : "no");
        Add("docker-stop", "runtime", $"{side}: {stopClock.Elapsed.TotalSeconds:0.0} s (not compared)");
        var logs = await c.GetLogsAsync();
        Add("docker-stop", "SIGKILL mentioned in the init's output",
            (logs.Stdout + logs.Stderr).Contains("SIGKILL", StringComparison.Ordinal).ToString());
    }

    /// <summary>
    /// Units of systemd's own package both sides should agree about although neither lists them as enabled.
    /// </summary>
    private static readonly string[] AlsoEnabled = ["systemd-journald.service", "systemd-logind.service",
        "getty@tty1.service", "console-getty.service"];

    private static async Task ObserveUnitAsync(PlatformContainer c, string unit, Action<string, string> add)
    {
        var active = await c.ExecAsync("systemctl", "is-active", unit);
        add($"{unit} is-active", $"exit={active.ExitCode} {active.Stdout.Trim()}");
        var enabled = await c.ExecAsync("systemctl", "is-enabled", unit);
        add($"{unit} is-enabled", $"exit={enabled.ExitCode} {enabled.Stdout.Trim()}");
        var show = await c.ExecAsync("systemctl", "show", unit, "-p",
            "LoadState,ActiveState,SubState,Result,Type,UnitFileState,MainPID");
        foreach (var line in show.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (line[..Math.Max(0, line.IndexOf('='))], line[(line.IndexOf('=') + 1)..]);
            if (name == "MainPID")
                value = value == "0" ? "none" : (await c.ExecAsync("test", "-d", "/proc/" + value)).ExitCode == 0
                    ? "alive" : "dead";
            add($"{unit} {name}", value);
        }
        if (show.ExitCode != 0) add($"{unit} show", $"exit={show.ExitCode} {show.Stderr.Trim()}");
    }

    private static async Task<string> MainPidAsync(PlatformContainer c, string unit)
        => (await c.ExecAsync("systemctl", "show", unit, "-p", "MainPID", "--value")).Stdout.Trim();

    /// <summary>
    /// Connects to 127.0.0.1:<paramref name="port"/> inside the container and returns the first line of the answer.
    /// </summary>
    private static async Task<string> AskAsync(PlatformContainer c, int port, string? request)
    {
        const string script = """
            import socket, sys
            port, req = int(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None
            try:
                s = socket.create_connection(("127.0.0.1", port), timeout=5)
                if req: s.sendall(req.encode())
                data = s.recv(200).decode(errors="replace")
                print(data.splitlines()[0] if data else "closed without a word")
            except OSError as e:
                print(type(e).__name__)
            """;
        string[] command = request is null ? ["python3", "-c", script,
            port.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            : ["python3", "-c", script, port.ToString(System.Globalization.CultureInfo.InvariantCulture), request];
        return (await c.ExecAsync(command)).Stdout.Trim();
    }

    /// <summary>
    /// Every question of <paramref name="section"/> (all sections when null) the two sides answered differently.
    /// </summary>
    public List<Difference> Differences(string? section = null)
    {
        var ours = Ours.GroupBy(o => (o.Section, o.Key)).ToDictionary(g => g.Key, g => g.First().Value);
        var seen = new HashSet<(string, string)>();
        var differences = new List<Difference>();
        foreach (var o in Systemd.Where(o => section is null || o.Section == section))
        {
            if (!seen.Add((o.Section, o.Key)) || o.Key == "runtime") continue;
            var mine = ours.TryGetValue((o.Section, o.Key), out var v) ? v : "(not asked)";
            if (mine != o.Value) differences.Add(new Difference(o.Section, o.Key, o.Value, mine));
        }
        foreach (var o in Ours.Where(o =>
            (section is null || o.Section == section) && !seen.Contains((o.Section, o.Key))))
            if (seen.Add((o.Section, o.Key))) differences.Add(new Difference(o.Section, o.Key, "(not asked)", o.Value));
        return differences;
    }
}
