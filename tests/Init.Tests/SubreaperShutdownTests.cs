using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>
/// An init that is not PID 1 (<c>systemctl init ...</c> run as an ordinary process, the subreaper mode) must on SIGTERM
/// kill only what it started. Runs inside a PID namespace so that a regression kills the namespace, not the machine.
/// </summary>
public sealed class SubreaperShutdownTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [InitFact]
    public void SigtermOfANonPid1InitLeavesUnrelatedProcessesAlive()
    {
        _box.Unit("sleeper.service", "[Service]\nExecStart=/bin/sleep 300\n");
        // PID 1 of the namespace is a plain sleep; its child "sleep 1001" is the bystander an init must not touch.
        using var ns = InitNamespace.WithPid1(_box, "/bin/sh", "-c", "/bin/sleep 1001 & exec /bin/sleep 1000");
        var bystander = 0;
        Assert.True(ServiceSandbox.WaitFor(() => (bystander = InitNamespace.ChildrenOf(ns.Pid1).FirstOrDefault()) > 0,
            TimeSpan.FromSeconds(10)));

        using var init = ns.StartSystemctl("init", "sleeper.service");
        try
        {
            Assert.True(ns.WaitForState("running", TimeSpan.FromSeconds(20)), ns.Output);
            Assert.Equal("active", ns.Property("sleeper.service", "ActiveState"));
            Assert.Equal(0, ns.Systemctl("halt").ExitCode);
            Assert.True(init.WaitForExit(30_000), "the init did not exit after SIGTERM\n" + ns.Output);
        }
        finally
        {
            if (!init.HasExited) init.Kill(entireProcessTree: true);
        }

        Assert.Equal(0, init.ExitCode);
        Assert.True(ServiceSandbox.IsAlive(bystander), "the bystander was killed by the init's final sweep");
        Assert.True(ServiceSandbox.IsAlive(ns.Pid1), "the namespace's PID 1 was killed by the init's final sweep");
        var ps = ns.Exec("ps", "-eo", "args").Stdout;
        Assert.Contains("/bin/sleep 1001", ps);
        Assert.DoesNotContain("/bin/sleep 300", ps);
    }
}
