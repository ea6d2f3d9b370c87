using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>Generators run by the init before it loads anything, and again by a daemon-reload while it runs.</summary>
public sealed class GeneratorBootTests : IDisposable
{
    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [InitFact]
    public void TheBootStartsWhatAGeneratorEnabledAndAReloadRerunsThem()
    {
        var log = _box.File("generated.log");
        _box.Root.WriteScript("/usr/lib/systemd/system-generators/enable-one", $"""
            #!/bin/sh
            echo "scope $SYSTEMD_SCOPE" >> {log}
            printf '[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/sh -c "echo ran >> {log}"\n' \
                > "$2/generated.service"
            mkdir -p "$2/multi-user.target.wants"
            ln -s /run/systemd/generator/generated.service "$2/multi-user.target.wants/generated.service"
            """);
        using var init = new InitNamespace(_box);

        Assert.True(init.WaitForState("running", TimeSpan.FromSeconds(20)), init.Output);
        Assert.Equal("scope system\nran\n", File.ReadAllText(log));
        Assert.Equal("active", init.Property("generated.service", "ActiveState"));
        Assert.Equal("generated", init.Property("generated.service", "UnitFileState"));

        // A generator added later runs on daemon-reload (an init runs for this root) and its timer is armed at once.
        _box.Root.WriteScript("/etc/systemd/system-generators/second", $"""
            #!/bin/sh
            printf '[Timer]\nOnActiveSec=0.2s\n' > "$2/later.timer"
            printf '[Service]\nType=oneshot\nExecStart=/bin/sh -c "echo later >> {log}"\n' > "$2/later.service"
            """);
        var reload = init.Systemctl("daemon-reload");
        Assert.True(reload.ExitCode == 0, reload.ToString());
        Assert.True(_box.Root.Exists("/run/systemd/generator/later.timer"));
        Assert.True(_box.Root.Exists("/run/systemd/generator/generated.service"));
        Assert.Equal(0, init.Systemctl("start", "later.timer").ExitCode);
        Assert.True(ServiceSandbox.WaitFor(() => File.ReadAllText(log).Contains("later\n", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10)), init.Output);
    }
}
