using System.Globalization;
using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>Timer units fired by the init as PID 1 of a PID namespace, at second-scale periods, in real time.</summary>
public sealed class TimerTests(ITestOutputHelper output) : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    /// <summary>A timer and the oneshot it fires, which appends the wall-clock time to a file per run.</summary>
    private string Timer(string name, string timerSettings, bool enable = true, string extraService = "")
    {
        var log = _box.File(name + ".log");
        _box.Unit(name + ".timer",
            $"[Unit]\nDescription=Timer {name}\n[Timer]\n{timerSettings}\n[Install]\nWantedBy=timers.target\n");
        _box.Unit(name + ".service",
            $"[Service]\nType=oneshot\n{extraService}ExecStart=/bin/sh -c 'date +%%s.%%N >> {log}'\n");
        if (enable) Assert.Equal(0, _box.Systemctl("enable", name + ".timer").ExitCode);
        return log;
    }

    private static List<double> Runs(string log)
        => File.Exists(log) ? File.ReadAllLines(log).Where(l => l.Length > 0)
            .Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToList() : [];

    [InitFact]
    public void OnActiveAndOnUnitActiveFireRepeatedly()
    {
        var log = Timer("tick", "OnActiveSec=0.5s\nOnUnitActiveSec=1s\nAccuracySec=1us");
        using var init = new InitNamespace(_box);

        Assert.True(ServiceSandbox.WaitFor(() => Runs(log).Count >= 3, TimeSpan.FromSeconds(60)), init.Output);

        var runs = Runs(log);
        // The stamps are taken inside the service, after its start-up: a slow start of one run and a quick one of the
        // next shorten a gap below the 1 s period, still far above the 0.5 s a re-fired OnActiveSec= would give. How
        // late under load is not this test's business.
        for (var i = 1; i < runs.Count; i++)
            Assert.True(runs[i] - runs[i - 1] >= 0.7, $"fired {runs[i] - runs[i - 1]} s apart");
        Assert.Equal("active", init.Property("tick.timer", "ActiveState"));
        Assert.Contains(init.Property("tick.timer", "SubState"), (string[])["waiting", "running"]);
        Assert.Equal("tick.service", init.Property("tick.timer", "Unit"));
        Assert.NotEqual("", init.Property("tick.timer", "LastTriggerUSec"));
        Assert.NotEqual("infinity", init.Property("tick.timer", "NextElapseUSecMonotonic"));
        Assert.StartsWith("{ OnUnitActiveUSec=1s ; next_elapse=",
            init.Systemctl("show", "tick.timer", "-p", "TimersMonotonic").Stdout.Split('\n')[1]
            .Replace("TimersMonotonic=", "", StringComparison.Ordinal));
        var list = init.Systemctl("list-timers").Stdout;
        Assert.Contains("NEXT", list);
        Assert.Contains("tick.timer tick.service", list);
        Assert.Contains("\n1 timers listed.\nPass --all to see loaded but inactive timers, too.\n", list);
    }

    [InitFact]
    public void OnCalendarFiresOnEverySecondSecondWithinAccuracy()
    {
        var log = Timer("cal", "OnCalendar=*:*:0/2\nAccuracySec=100ms");
        using var init = new InitNamespace(_box);

        Assert.True(ServiceSandbox.WaitFor(() => Runs(log).Count >= 4, TimeSpan.FromSeconds(60)), init.Output);

        var runs = Runs(log);
        // The oneshot writes after it started: lateness includes the spawn, which is what a user sees.
        var lateness = runs.Select(r => r - Math.Floor(r)).Order().ToList();
        output.WriteLine(
            $"lateness over {runs.Count} firings: median {lateness[lateness.Count / 2] * 1000:F1} ms, max "
            + $"{lateness[^1] * 1000:F1} ms");
        foreach (var r in runs) Assert.Equal(0, (long)Math.Floor(r) % 2);
        // How late within the second is measured by bench/timers.py, not asserted here: a loaded CI machine is no
        // clock.
        Assert.Matches(@"^\{ OnCalendar=\*-\*-\* \*:\*:00/2 ; next_elapse=\w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \w+ \}$",
            init.Property("cal.timer", "TimersCalendar"));
    }

    [InitFact]
    public void APersistentTimerCatchesUpAMissedRunAtBootAndAPlainOneDoesNot()
    {
        var missed = Timer("missed", "OnCalendar=daily\nPersistent=true");
        var plain = Timer("plain", "OnCalendar=daily");
        foreach (var name in (string[])["missed.timer", "plain.timer"])
        {
            var stamp = _box.File("var/lib/systemd/timers/stamp-" + name);
            Directory.CreateDirectory(Path.GetDirectoryName(stamp)!);
            File.WriteAllBytes(stamp, []);
            File.SetLastWriteTimeUtc(stamp, DateTime.UtcNow.AddDays(-2));
        }
        using var init = new InitNamespace(_box);

        Assert.True(ServiceSandbox.WaitFor(() => Runs(missed).Count == 1, TimeSpan.FromSeconds(15)), init.Output);
        // Neither a second catch-up run nor a run of the timer without Persistent= may follow.
        Assert.False(ServiceSandbox.WaitFor(() => Runs(missed).Count > 1 || Runs(plain).Count > 0,
            TimeSpan.FromSeconds(1)));
        // The stamp now holds the catch-up run; the next elapse is tomorrow's midnight.
        Assert.True(File.GetLastWriteTimeUtc(
            _box.File("var/lib/systemd/timers/stamp-missed.timer")) > DateTime.UtcNow.AddMinutes(-1));
        Assert.EndsWith("00:00:00 UTC", init.Property("missed.timer", "NextElapseUSecRealtime"));
        Assert.Equal("waiting", init.Property("missed.timer", "SubState"));
    }

    [InitFact]
    public void ATimerStartedFromAnotherShellFires()
    {
        var log = Timer("late", "OnActiveSec=1s\nAccuracySec=1us", enable: false);
        using var init = new InitNamespace(_box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);
        Assert.Empty(Runs(log));

        Assert.Equal(0, init.Systemctl("start", "late.timer").ExitCode);

        Assert.True(ServiceSandbox.WaitFor(() => Runs(log).Count == 1, TimeSpan.FromSeconds(10)), init.Output);
        // Only OnActiveSec=: used up, the timer stays around elapsed (RemainAfterElapse=yes).
        Assert.True(ServiceSandbox.WaitFor(() => init.Property("late.timer", "SubState") == "elapsed",
            TimeSpan.FromSeconds(5)), init.Output);
        Assert.Equal("active", init.Property("late.timer", "ActiveState"));
        Assert.Equal("", init.Property("late.timer", "NextElapseUSecRealtime"));
        Assert.Contains("late.timer late.service", init.Systemctl("list-timers").Stdout);

        Assert.Equal(0, init.Systemctl("stop", "late.timer").ExitCode);
        Assert.Equal("inactive", init.Property("late.timer", "ActiveState"));
        Assert.Contains("\n0 timers listed.\n", init.Systemctl("list-timers").Stdout);
    }

    [InitFact]
    public void RemainAfterElapseNoEndsTheTimerInactive()
    {
        var log = Timer("once", "OnActiveSec=0.3s\nAccuracySec=1us\nRemainAfterElapse=no", enable: false);
        using var init = new InitNamespace(_box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);
        Assert.Equal(0, init.Systemctl("start", "once.timer").ExitCode);

        Assert.True(ServiceSandbox.WaitFor(() =>
            Runs(log).Count == 1 && init.Property("once.timer", "ActiveState") == "inactive",
            TimeSpan.FromSeconds(10)), init.Output);
        Assert.Equal("dead", init.Property("once.timer", "SubState"));
    }

    [InitFact]
    public void DaemonReloadTakesAChangedScheduleAndDisarmsARemovedTimer()
    {
        var later = Timer("later", "OnActiveSec=1h\nAccuracySec=1us");
        // Due before the changed timer: had it stayed armed, it would have run by the time that one runs.
        var removed = Timer("removed", "OnActiveSec=10s\nAccuracySec=1us");
        using var init = new InitNamespace(_box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);
        Assert.Equal("waiting", init.Property("later.timer", "SubState"));

        _box.Unit("later.timer", "[Timer]\nOnActiveSec=12s\nAccuracySec=1us\n[Install]\nWantedBy=timers.target\n");
        File.Delete(_box.File("etc/systemd/system/removed.timer"));
        var reload = init.Systemctl("daemon-reload");
        Assert.True(reload.ExitCode == 0, reload.ToString());

        Assert.True(ServiceSandbox.WaitFor(() => Runs(later).Count == 1, TimeSpan.FromSeconds(30)), init.Output);
        Assert.Empty(Runs(removed));
    }
}
