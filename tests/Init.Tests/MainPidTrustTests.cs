using System.Globalization;
using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>
/// <c>MAINPID=</c> trust (systemd 252): a non-root sender may only name one of the unit's own processes; nobody may
/// name PID 1. Runs in a PID namespace whose PID 1 is a plain sleep: if a regression adopted and then stopped PID 1 or
/// the bystander, only the namespace would suffer.
/// </summary>
public sealed class MainPidTrustTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public MainPidTrustTests()
    {
        // As /run is on a real machine: the service user must reach its notify socket below the root.
        File.SetUnixFileMode(_box.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    public void Dispose() => _box.Dispose();

    [InitFact]
    public void ANonRootServiceCannotMakeAnUnrelatedProcessOrPid1ItsMainProcess()
    {
        using var ns = InitNamespace.WithPid1(_box, "/bin/sh", "-c", "/bin/sleep 1001 & exec /bin/sleep 1000");
        var bystanderHost = 0;
        Assert.True(ServiceSandbox.WaitFor(() =>
            (bystanderHost = InitNamespace.ChildrenOf(ns.Pid1).FirstOrDefault()) > 0, TimeSpan.FromSeconds(10)));
        var bystander = ns.Exec("cat", "/proc/1/task/1/children").Stdout.Trim();
        var notify = Published.SystemdNotify;
        _box.Unit("nb.service", "[Service]\nType=notify\nNotifyAccess=all\nUser=nobody\nTimeoutStartSec=10\n" +
            $"ExecStart=/bin/sh -c '{notify} MAINPID={bystander}; {notify} MAINPID=1; {notify} --ready "
                + $"MAINPID={bystander}; exec sleep 300'\n");

        var start = ns.Systemctl("-v", "start", "nb");

        Assert.True(start.ExitCode == 0, start.ToString());
        var main = ns.Property("nb.service", "MainPID");
        Assert.NotEqual(bystander, main);
        Assert.NotEqual("1", main);
        Assert.Equal("sleep\n", ns.Exec("cat", $"/proc/{main}/comm").Stdout);

        var stop = ns.Systemctl("stop", "nb");

        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.True(ServiceSandbox.IsAlive(bystanderHost),
            "stop killed the process a non-root service named as its main PID");
        Assert.True(ServiceSandbox.IsAlive(ns.Pid1), "stop killed PID 1");
        Assert.Contains($"New main PID {bystander} does not belong to service, and PID ", start.Stderr);
        Assert.Contains("New main PID 1 is the init process, refusing.", start.Stderr);
    }

    [InitFact]
    public void UnderTheInitALateMainPidFromANonRootServiceIsRefused()
    {
        var handoff = _box.File("bystander.pid");
        var notify = Published.SystemdNotify;
        _box.Unit("late.service", "[Service]\nType=notify\nNotifyAccess=all\nUser=nobody\nTimeoutStartSec=10\n" +
            $"ExecStart=/bin/sh -c '{notify} --ready; while [ ! -s {handoff} ]; do sleep 0.1; done; " +
            $"{notify} MAINPID=$(cat {handoff}); {notify} MAINPID=1; {notify} STATUS=sent; exec sleep 300'\n" +
            "[Install]\nWantedBy=multi-user.target\n");
        Assert.Equal(0, _box.Systemctl("enable", "late").ExitCode);
        using var init = new InitNamespace(_box);
        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);
        var bystander = init.Exec("/bin/sh", "-c", "sleep 1001 >/dev/null 2>&1 & echo $!").Stdout.Trim();
        File.WriteAllText(handoff + ".tmp", bystander + "\n");
        File.Move(handoff + ".tmp", handoff);

        Assert.True(ServiceSandbox.WaitFor(() => init.Property("late.service", "StatusText") == "sent",
            TimeSpan.FromSeconds(10)), init.Output);

        var main = init.Property("late.service", "MainPID");
        Assert.NotEqual(bystander, main);
        Assert.NotEqual("1", main);
        Assert.Equal(0, init.Systemctl("stop", "late").ExitCode);
        Assert.Equal(0, init.Exec("kill", "-0", bystander).ExitCode);
        Assert.Contains($"New main PID {bystander} does not belong to service", init.Output);
    }

    [InitTheory]
    [InlineData("root")]
    [InlineData("nobody")]
    public void AServiceMayMakeItsOwnChildItsMainProcess(string user)
    {
        using var ns = InitNamespace.WithPid1(_box, "/bin/sleep", "1000");
        _box.Unit("child.service", $"[Service]\nType=notify\nNotifyAccess=all\nUser={user}\nTimeoutStartSec=10\n" +
            $"ExecStart=/bin/sh -c 'sleep 300 & {Published.SystemdNotify} --ready MAINPID=$!; wait'\n");

        var start = ns.Systemctl("start", "child");

        Assert.True(start.ExitCode == 0, start.ToString());
        var main = int.Parse(ns.Property("child.service", "MainPID"), CultureInfo.InvariantCulture);
        var stat = ns.Exec("cat", $"/proc/{main}/stat").Stdout;
        Assert.StartsWith($"{main} (sleep) ", stat);
        Assert.Equal(0, ns.Systemctl("stop", "child").ExitCode);
        Assert.True(ServiceSandbox.WaitFor(() => ns.Exec("test", "-d", $"/proc/{main}").ExitCode != 0
            || ns.Exec("cat", $"/proc/{main}/stat").Stdout.Contains(") Z ", StringComparison.Ordinal),
                TimeSpan.FromSeconds(10)));
    }
}
