using System.Diagnostics;
using System.Globalization;
using Platform.TestSupport;

namespace Platform.Lifecycle.Tests;

/// <summary>
/// A systemctl killed in the middle of a job, and a damaged status record, must never strand a unit: a later stop
/// leaves nothing running, a later start works and never runs a second copy.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const int Iterations = 30;
    private static readonly string[] Verbs = ["start", "stop", "restart"];
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    /// <summary>
    /// A notify service that takes a moment to get ready, so kills land before, during and after readiness.
    /// </summary>
    private string NotifyService(string name)
    {
        var script = _box.Root.WriteScript("/" + name + ".sh",
            $"#!/bin/sh\nsleep 0.3\n{Published.SystemdNotify} --ready\nwhile :; do sleep 1; done\n");
        _box.Unit(name + ".service",
            $"[Service]\nType=notify\nNotifyAccess=all\nExecStart=/bin/sh {script}\nTimeoutStopSec=5\n");
        return script;
    }

    [Fact]
    public void StartersKilledAtRandomPointsOfStartStopAndRestartNeverStrandTheUnit()
    {
        var script = NotifyService("k");
        var random = new Random(11);
        var deadline = Stopwatch.StartNew();
        for (var i = 0; i < Iterations && deadline.Elapsed < TimeSpan.FromSeconds(150); i++)
        {
            var verb = Verbs[random.Next(Verbs.Length)];
            var signal = random.Next(2) == 0 ? 9 : 15;
            using var starter = StartSystemctl(verb, "k");
            // The kill point: somewhere from before the spawn to after READY=1 (start takes about 0.3 s).
            Thread.Sleep(random.Next(0, 700));
            Signal(starter.Id, signal);
            Assert.True(starter.WaitForExit(30_000), $"systemctl {verb} did not end after signal {signal}");
            Assert.True(Copies(script).Count <= 1,
                $"iteration {i} ({verb}, signal {signal}): two copies run: {string.Join(' ', Copies(script))}");
        }

        var stop = _box.Systemctl("stop", "k");

        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.True(ServiceSandbox.WaitFor(() => UnitProcesses("k").Count == 0, TimeSpan.FromSeconds(10)),
            "left running: " + string.Join(' ', UnitProcesses("k")));
        Assert.Equal("inactive", _box.Property("k.service", "ActiveState"));

        var start = _box.Systemctl("start", "k");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("active", _box.Property("k.service", "ActiveState"));
        Assert.Equal([_box.MainPid("k.service")], Copies(script));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(15)]
    public void AStartKilledBeforeReadinessIsSettledByTheNextStartAndStop(int signal)
    {
        var script = _box.Root.WriteScript("/never.sh", "#!/bin/sh\nwhile :; do sleep 1; done\n");
        _box.Unit("never.service", $"[Service]\nType=notify\nExecStart=/bin/sh {script}\nTimeoutStopSec=5\n");
        using (var starter = StartSystemctl("start", "never"))
        {
            Assert.True(ServiceSandbox.WaitFor(() => Copies(script).Count == 1, TimeSpan.FromSeconds(10)));
            Signal(starter.Id, signal);
            Assert.True(starter.WaitForExit(30_000));
        }
        var stranded = Copies(script).Single();

        // The READY=1 that never comes: the next start ends the stranded copy and waits for its own (the short limit
        // ends it).
        var start = _box.Systemctl("-c", "DefaultTimeoutStartSec=1", "start", "never");

        Assert.Equal(1, start.ExitCode);
        Assert.False(ServiceSandbox.IsAlive(stranded), "the stranded copy still runs");
        Assert.Empty(Copies(script));

        using (var starter = StartSystemctl("start", "never"))
        {
            Assert.True(ServiceSandbox.WaitFor(() => Copies(script).Count == 1, TimeSpan.FromSeconds(10)));
            Signal(starter.Id, signal);
            Assert.True(starter.WaitForExit(30_000));
        }

        var stop = _box.Systemctl("stop", "never");

        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.True(ServiceSandbox.WaitFor(() => UnitProcesses("never").Count == 0, TimeSpan.FromSeconds(10)));
        Assert.Equal("inactive", _box.Property("never.service", "ActiveState"));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("empty")]
    [InlineData("garbage")]
    public void ADamagedRecordOfARunningServiceIsRecoveredFromTheProcessTableWithoutASecondCopy(string damage)
    {
        var script = _box.Root.WriteScript("/svc.sh", "#!/bin/sh\nwhile :; do sleep 1; done\n");
        _box.Unit("svc.service", $"[Service]\nExecStart=/bin/sh {script}\n");
        Assert.Equal(0, _box.Systemctl("start", "svc").ExitCode);
        var main = _box.MainPid("svc.service");
        var record = _box.Root.Combine("/run/platform/status/svc.service.status");
        var text = File.ReadAllText(record);
        File.WriteAllText(record, damage switch { "truncated" => text[..(text.Length / 2)], "empty" => "",
            _ => "{\"Unit\": [garbage" });

        var active = _box.Systemctl("is-active", "svc");
        var start = _box.Systemctl("start", "svc");

        Assert.Equal((0, "active\n"), (active.ExitCode, active.Stdout));
        Assert.Equal("Warning: status record of svc.service is damaged, recovering from the process table.\n",
            active.Stderr);
        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal([main], Copies(script));
        Assert.Equal(main, _box.MainPid("svc.service"));

        var stop = _box.Systemctl("stop", "svc");

        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.True(ServiceSandbox.WaitFor(() => !ServiceSandbox.IsAlive(main), TimeSpan.FromSeconds(10)));
        Assert.Equal("inactive", _box.Property("svc.service", "ActiveState"));
    }

    private Process StartSystemctl(params string[] arguments)
    {
        var start = new ProcessStartInfo(Published.Systemctl) { UseShellExecute = false, RedirectStandardOutput = true,
            RedirectStandardError = true };
        foreach (var a in (string[])["--root=" + _box.Path, .. arguments]) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Signal(int pid, int signal) =>
        CommandRunner.Run("kill", ["-" + signal.ToString(CultureInfo.InvariantCulture),
        pid.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>Live copies of the service: the shells running its script.</summary>
    private static List<int> Copies(string script) =>
        Live(text => text.Cmdline.Contains(script, StringComparison.Ordinal));

    /// <summary>
    /// Every live process of the unit, children included: they carry the unit's notify socket or run its script.
    /// </summary>
    private List<int> UnitProcesses(string unit)
        => Live(p => p.Environ.Contains("NOTIFY_SOCKET=" + _box.Path, StringComparison.Ordinal)
            || p.Cmdline.Contains(_box.Path + "/" + unit + ".sh", StringComparison.Ordinal));

    private static List<int> Live(Func<(string Cmdline, string Environ), bool> match)
    {
        var pids = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId
                || !ServiceSandbox.IsAlive(pid)) continue;
            try
            {
                if (match((File.ReadAllText(Path.Join(dir, "cmdline")).Replace('\0', ' '),
                    File.ReadAllText(Path.Join(dir, "environ")))))
                    pids.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return pids;
    }
}
