using Platform.Journal.Tests.Support;
using Platform.TestSupport;
using static Platform.Journal.Tests.Support.JsonField;

namespace Platform.Journal.Tests;

/// <summary>The manager's own lines about a unit, under the unit, as systemd 252 writes them.</summary>
public sealed class ManagerLogTests : IDisposable
{
    private readonly LogSandbox _box = new();

    public ManagerLogTests() => _box.Configure("LogLevel=info");

    public void Dispose() => _box.Dispose();

    private List<string> ManagerLines(string unit)
        => [.. _box.Json("-u", unit).Where(e => Text(e, "SYSLOG_IDENTIFIER") == "systemd")
            .Select(e => Text(e, "MESSAGE"))];

    [Fact]
    public void StartAndStopOfAServiceWriteStartingStartedStoppingDeactivatedAndStopped()
    {
        _box.Start("web.service",
            "[Unit]\nDescription=Demo Web\n[Service]\nExecStart=/bin/sh -c 'echo hello; exec sleep 300'\n");
        Assert.Equal(0, _box.Box.Systemctl("stop", "web").ExitCode);

        Assert.True(ServiceSandbox.WaitFor(() => ManagerLines("web.service").Count == 5, TimeSpan.FromSeconds(10)),
            string.Join('\n', ManagerLines("web.service")));
        Assert.Equal(["Starting web.service - Demo Web...", "Started web.service - Demo Web.",
            "Stopping web.service - Demo Web...",
            "web.service: Deactivated successfully.", "Stopped web.service - Demo Web."], ManagerLines("web.service"));
        Assert.Contains("hello", _box.Journalctl("-u", "web", "-o", "cat").Stdout);
    }

    [Fact]
    public void AFailingOneshotWritesItsExitAndResult()
    {
        _box.Box.Unit("job.service", "[Service]\nType=oneshot\nExecStart=/bin/sh -c 'echo working; exit 3'\n");
        Assert.Equal(1, _box.Box.Systemctl("start", "job").ExitCode);

        Assert.True(ServiceSandbox.WaitFor(() => ManagerLines("job.service").Count == 4, TimeSpan.FromSeconds(10)),
            string.Join('\n', ManagerLines("job.service")));
        Assert.Equal(
            ["Starting job.service...", "job.service: Main process exited, code=exited, status=3/NOTIMPLEMENTED",
            "job.service: Failed with result 'exit-code'.", "Failed to start job.service."],
                ManagerLines("job.service"));
        var failed = _box.Json("-u", "job").Single(e =>
            Text(e, "MESSAGE") == "job.service: Failed with result 'exit-code'.");
        Assert.Equal("4", Text(failed, "PRIORITY"));
    }

    [Fact]
    public void LogLevelWarningKeepsOnlyTheFailureLines()
    {
        _box.Configure("LogLevel=warning");
        _box.Box.Unit("job.service", "[Service]\nType=oneshot\nExecStart=/bin/false\n");
        _box.Box.Unit("ok.service", "[Service]\nType=oneshot\nExecStart=/bin/sh -c 'echo fine'\n");
        Assert.Equal(1, _box.Box.Systemctl("start", "job").ExitCode);
        Assert.Equal(0, _box.Box.Systemctl("start", "ok").ExitCode);

        Assert.True(ServiceSandbox.WaitFor(() => ManagerLines("job.service").Count == 2, TimeSpan.FromSeconds(10)),
            string.Join('\n', ManagerLines("job.service")));
        Assert.Equal(["job.service: Failed with result 'exit-code'.", "Failed to start job.service."],
            ManagerLines("job.service"));
        Assert.Empty(ManagerLines("ok.service"));
    }

    [Fact]
    public void ALineOfARunningProcessCarriesItsExecutableAndCommandLine()
    {
        // A process that is gone before the pump reads its line has no /proc/PID/exe or cmdline left: journald then
        // leaves these fields out too, so the writer stays alive here.
        _box.Start("keeper.service", "[Service]\nExecStart=/bin/sh -c 'echo kept; sleep 300'\n");
        Assert.True(ServiceSandbox.WaitFor(() => _box.Json("-u", "keeper").Any(e => Text(e, "MESSAGE") == "kept"),
            TimeSpan.FromSeconds(10)));

        var entry = _box.Json("-u", "keeper").Single(e => Text(e, "MESSAGE") == "kept");

        Assert.Equal("/usr/bin/dash", Text(entry, "_EXE"));
        Assert.Equal("/bin/sh -c echo kept; sleep 300", Text(entry, "_CMDLINE"));
        Assert.Equal("3", Text(entry, "SYSLOG_FACILITY"));
        Assert.Equal("system.slice", Text(entry, "_SYSTEMD_SLICE"));
    }
}
