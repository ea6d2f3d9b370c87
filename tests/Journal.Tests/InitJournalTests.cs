using Platform.Journal.Tests.Support;
using Platform.TestSupport;

namespace Platform.Journal.Tests;

/// <summary>
/// The pump inside PID 1: journalctl, the console sink, status excerpts and systemd-notify in a booted namespace.
/// </summary>
public sealed class InitJournalTests : IDisposable
{
    private readonly LogSandbox _box = new();

    public void Dispose() => _box.Dispose();

    private void Enable(string name, string service)
    {
        _box.Box.Unit(name + ".service", $"[Service]\n{service}\n[Install]\nWantedBy=multi-user.target\n");
        Assert.Equal(0, _box.Box.Systemctl("enable", name).ExitCode);
    }

    private static List<string> Lines(CommandResult result) => LogSandbox.Lines(result);

    [InitFact]
    public void ServicesBootedByInitAreReadBackByJournalctlInsideAndShownOnInitsOutput()
    {
        _box.Configure("LogSinks=file,console");
        Enable("chatty",
            "SyslogIdentifier=chatty\n"
            + "ExecStart=/bin/sh -c 'for i in $$(seq 1 100); do echo \"booted line $$i\"; done; exec sleep 300'");
        using var init = new InitNamespace(_box.Box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);

        List<string> lines = [];
        Sandbox.WaitFor(() =>
            (lines = Lines(init.Exec(Published.Journalctl, "--root=" + _box.Path, "--no-pager", "-u", "chatty", "-o",
            "cat"))).Count >= 100, 20);
        var status = init.Systemctl("status", "chatty", "-n", "3");

        Assert.Equal(Enumerable.Range(1, 100).Select(i => $"booted line {i}"), lines);
        Assert.True(Sandbox.WaitFor(() =>
            init.Output.Contains("chatty.service", StringComparison.Ordinal)
            && init.Output.Contains("booted line 100"), 10), init.Output);
        Assert.Contains("booted line 98", status.Stdout);
        Assert.Contains("booted line 100", status.Stdout);
        Assert.DoesNotContain("booted line 97\n", status.Stdout);
    }

    [InitFact]
    public void SystemdNotifyBootedIsTrueOnlyWhileTheInitRuns()
    {
        using var init = new InitNamespace(_box.Box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);

        var inside = init.Exec(Published.SystemdNotify, "--booted", "--root=" + _box.Path);
        init.Terminate(TimeSpan.FromSeconds(20));
        var after = CommandRunner.Run(Published.SystemdNotify, ["--booted", "--root=" + _box.Path]);

        Assert.Equal(0, inside.ExitCode);
        Assert.Equal(1, after.ExitCode);
    }

    [InitFact]
    public void ANotifyServiceUsingSystemdNotifyBecomesReadyWithItsStatusText()
    {
        Enable("announcer",
            $"Type=notify\n"
            + $"ExecStart=/bin/sh -c '{Published.SystemdNotify} --status=warming; sleep 0.3; {Published.SystemdNotify} "
            + $"--ready --status=serving; exec sleep 300'");
        using var init = new InitNamespace(_box.Box);

        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);

        Assert.Equal("active", init.Property("announcer.service", "ActiveState"));
        Assert.Equal("serving", init.Property("announcer.service", "StatusText"));
    }

    [InitFact]
    public void StatusUpdatesAfterReadyReachTheInitFromARunningService()
    {
        var go = _box.Box.File("go");
        Enable("worker",
            $"Type=notify\n"
            + $"ExecStart=/bin/sh -c '{Published.SystemdNotify} --ready --status=working; while [ ! -e {go} ]; do "
            + $"sleep 0.05; done; {Published.SystemdNotify} STATUS=draining; exec sleep 300'");
        using var init = new InitNamespace(_box.Box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);
        Assert.Equal("working", init.Property("worker.service", "StatusText"));

        File.WriteAllText(go, "");

        Assert.True(Sandbox.WaitFor(() => init.Property("worker.service", "StatusText") == "draining", 10),
            init.Output);
    }
}
