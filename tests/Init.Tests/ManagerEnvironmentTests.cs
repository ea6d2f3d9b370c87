using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>The manager environment reaches the services the init starts, at boot and on its own restarts.</summary>
public sealed class ManagerEnvironmentTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [InitFact]
    public void BootAndRestartsByTheInitUseTheManagerEnvironmentOfThatMoment()
    {
        var dump = _box.File("env.out");
        _box.Unit("dump.service",
            $"[Service]\nExecStart=/bin/sh -c 'env > {dump}; exec sleep 300'\nRestart=always\nRestartSec=0.1\n" +
            "[Install]\nWantedBy=multi-user.target\n");
        Assert.Equal(0, _box.Systemctl("enable", "dump").ExitCode);
        Assert.Equal(0, _box.Systemctl("set-environment", "PHASE=boot").ExitCode);

        using var init = new InitNamespace(_box);

        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);
        Assert.True(ServiceSandbox.WaitFor(() => File.Exists(dump) && File.ReadAllLines(dump).Contains("PHASE=boot"),
            TimeSpan.FromSeconds(10)), init.Output);

        Assert.Equal(0, init.Systemctl("set-environment", "PHASE=later").ExitCode);
        init.Exec("kill", "-9", init.Property("dump.service", "MainPID"));

        Assert.True(ServiceSandbox.WaitFor(() => init.Property("dump.service", "NRestarts") == "1" && File.Exists(dump)
            && File.ReadAllLines(dump).Contains("PHASE=later"), TimeSpan.FromSeconds(10)), init.Output);
    }
}
