using Platform.Host.Tests.Install;
using Platform.Host.Tests.Plugins;
using Platform.TestSupport;

namespace Platform.Host.Tests.Generators;

/// <summary>
/// Unit generators (systemd.generator(7)) run by <c>daemon-reload</c>: real shell-script generators writing units and
/// wants links into the three output folders; the resulting install states compared with the real systemd 252
/// systemctl, offline on a twin root where the same scripts were run by hand.
/// </summary>
public sealed class GeneratorTests
{
    private const string Outputs = "/run/systemd/generator.early /run/systemd/generator /run/systemd/generator.late";

    /// <summary>
    /// A getty-like generator (a wants link to a vendor unit), one that writes a unit of its own and enables it,
    /// one that overrides an /etc unit from generator.early and one that adds a late fallback unit.
    /// </summary>
    private static void Build(TempRoot t)
    {
        t.WriteUnit("console.service", "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=getty.target\n",
            "/usr/lib/systemd/system");
        t.WriteUnit("static.service", "[Service]\nExecStart=/bin/true\n", "/usr/lib/systemd/system");
        t.WriteUnit("admin.service", "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n");
        t.WriteUnit("vendor.service", "[Service]\nExecStart=/bin/true\n", "/usr/lib/systemd/system");
        t.WriteScript("/usr/lib/systemd/system-generators/getty-like", """
            #!/bin/sh
            mkdir -p "$2/getty.target.wants" "$2/multi-user.target.wants"
            ln -s /usr/lib/systemd/system/console.service "$2/getty.target.wants/console.service"
            ln -s /usr/lib/systemd/system/static.service "$2/multi-user.target.wants/static.service"
            """);
        t.WriteScript("/usr/lib/systemd/system-generators/db", """
            #!/bin/sh
            printf '[Unit]\nDescription=Generated db\n[Service]\nExecStart=/bin/true\n' > "$2/db@15-main.service"
            mkdir -p "$2/multi-user.target.wants"
            ln -s /run/systemd/generator/db@15-main.service "$2/multi-user.target.wants/db@15-main.service"
            printf '[Service]\nExecStart=/bin/false\n' > "$1/admin.service"
            printf '[Service]\nExecStart=/bin/true\n' > "$3/late.service"
            printf '[Service]\nExecStart=/bin/true\n' > "$3/vendor.service"
            """);
    }

    /// <summary>
    /// What our daemon-reload does on its root, done by hand on the real systemctl's (systemd never runs them offline).
    /// </summary>
    private static void RunByHand(TempRoot t)
    {
        var outputs = Outputs.Split(' ').Select(t.Combine).ToArray();
        foreach (var o in outputs) Directory.CreateDirectory(o);
        foreach (var g in Directory.GetFiles(t.Combine("/usr/lib/systemd/system-generators")).Order())
            Assert.Equal(0, CommandRunner.Run(g, outputs).ExitCode);
        foreach (var o in outputs)
            if (!Directory.EnumerateFileSystemEntries(o).Any()) Directory.Delete(o);
    }

    [DifferentialFact]
    public void GeneratedUnitsAndWantsLinksHaveSystemdsInstallStates()
    {
        using var twins = new TwinRoots(Build);
        RunByHand(twins.Real);
        var reload = RealSystemctl.Ours(twins.Ours.Path, ["daemon-reload", "-c", "Generators=yes"]);
        Assert.True(reload.ExitCode == 0 && reload.Stderr == "", reload.ToString());

        twins.Run("list-unit-files");
        twins.Run("list-unit-files", "--state=generated");
        foreach (var name in (string[])["console", "static", "db@15-main", "admin", "late", "vendor", "nope"])
            twins.Run("is-enabled", name);
        Assert.True(twins.Differences.Length == 0, twins.Differences);
    }

    [PublishedFact]
    public void GeneratedUnitsLoadFromTheirFoldersAtSystemdsPrecedence()
    {
        using var root = new TempRoot();
        Build(root);
        Assert.Equal(0, Published.RunSystemctl(root, "daemon-reload", "-c", "Generators=yes").ExitCode);

        string Show(string unit, string property) =>
            Published.RunSystemctl(root, "show", unit, "-p", property, "--value").Stdout.Trim();
        Assert.Equal("/run/systemd/generator/db@15-main.service", Show("db@15-main.service", "FragmentPath"));
        Assert.Equal("generated", Show("db@15-main.service", "UnitFileState"));
        // generator.early wins over /etc, /usr/lib wins over generator.late.
        Assert.Equal("/run/systemd/generator.early/admin.service", Show("admin", "FragmentPath"));
        Assert.Equal("/usr/lib/systemd/system/vendor.service", Show("vendor", "FragmentPath"));
        Assert.Equal("/run/systemd/generator.late/late.service", Show("late", "FragmentPath"));
        Assert.Contains("db@15-main.service", Show("multi-user.target", "Wants").Split(' '));
        Assert.Contains("console.service", Show("getty.target", "Wants").Split(' '));
    }

    [PublishedFact]
    public void ReloadEmptiesTheOutputFoldersFirstAndRemovesThoseLeftEmpty()
    {
        using var root = new TempRoot();
        root.WriteScript("/usr/lib/systemd/system-generators/one",
            "#!/bin/sh\nprintf '[Service]\\nExecStart=/bin/true\\n' > \"$2/one.service\"\n");
        root.Write("/run/systemd/generator/stale.service", "[Service]\nExecStart=/bin/true\n");
        root.Write("/run/systemd/generator.late/stale-late.service", "[Service]\nExecStart=/bin/true\n");

        Assert.Equal(0, Published.RunSystemctl(root, "daemon-reload", "-c", "Generators=yes").ExitCode);

        Assert.True(root.Exists("/run/systemd/generator/one.service"));
        Assert.False(root.Exists("/run/systemd/generator/stale.service"));
        Assert.False(root.Exists("/run/systemd/generator.late"));
        Assert.False(root.Exists("/run/systemd/generator.early"));
    }

    [PublishedFact]
    public void WithoutAnInitAReloadOfAnotherRootRunsNoGenerators()
    {
        using var root = new TempRoot();
        root.WriteScript("/usr/lib/systemd/system-generators/one", "#!/bin/sh\ntouch \"$2/ran\"\n");

        var reload = Published.RunSystemctl(root, "daemon-reload");

        Assert.Equal(0, reload.ExitCode);
        Assert.False(root.Exists("/run/systemd/generator/ran"));
        Assert.Equal(0, Published.RunSystemctl(root, "daemon-reload", "-c", "Generators=no").ExitCode);
        Assert.False(root.Exists("/run/systemd/generator/ran"));
    }

    [PublishedFact]
    public void EnvironmentFoldersMasksAndFailuresAreAsDocumented()
    {
        using var root = new TempRoot();
        root.WriteScript("/usr/lib/systemd/system-generators/env",
            "#!/bin/sh\nenv > \"$2/env.txt\"\necho \"$@\" > \"$2/args.txt\"\n");
        root.WriteScript("/usr/lib/systemd/system-generators/masked", "#!/bin/sh\ntouch \"$2/masked-ran\"\n");
        root.Link("/etc/systemd/system-generators/masked", "/dev/null");
        // /run overrides /etc, /etc overrides /usr/lib (systemd.generator(7)).
        root.WriteScript("/usr/lib/systemd/system-generators/which", "#!/bin/sh\necho usr > \"$2/which\"\n");
        root.WriteScript("/etc/systemd/system-generators/which", "#!/bin/sh\necho etc > \"$2/which\"\n");
        root.WriteScript("/run/systemd/system-generators/which", "#!/bin/sh\necho run > \"$2/which\"\n");
        root.WriteScript("/usr/lib/systemd/system-generators/fails", "#!/bin/sh\nexit 3\n");

        var reload = Published.RunSystemctl(root, "daemon-reload", "-c", "Generators=yes");

        Assert.Equal(0, reload.ExitCode);
        Assert.Equal("/usr/lib/systemd/system-generators/fails failed with exit status 3.\n", reload.Stderr);
        var env = File.ReadAllLines(root.Combine("/run/systemd/generator/env.txt"));
        Assert.Contains("SYSTEMD_SCOPE=system", env);
        Assert.Contains("SYSTEMD_IN_INITRD=0", env);
        Assert.Contains(env, l => l is "SYSTEMD_FIRST_BOOT=1" or "SYSTEMD_FIRST_BOOT=0");
        Assert.Contains(env, l => l.StartsWith("SYSTEMD_ARCHITECTURE=", StringComparison.Ordinal));
        Assert.Contains(env, l => l.StartsWith("PATH=", StringComparison.Ordinal));
        Assert.Equal(string.Join(' ', Outputs.Split(' ').Select(root.Combine)),
            File.ReadAllText(root.Combine("/run/systemd/generator/args.txt")).Trim());
        Assert.False(root.Exists("/run/systemd/generator/masked-ran"));
        Assert.Equal("run", File.ReadAllText(root.Combine("/run/systemd/generator/which")).Trim());
    }

    [PublishedFact]
    public void AGeneratorOverTheTimeLimitIsKilledAndTheOthersOutputKept()
    {
        using var root = new TempRoot();
        var pidFile = root.Combine("/hang.pid");
        root.WriteScript("/usr/lib/systemd/system-generators/hang",
            $"#!/bin/sh\necho $$ > {pidFile}\nexec sleep 300\n");
        root.WriteScript("/usr/lib/systemd/system-generators/quick",
            "#!/bin/sh\nprintf '[Service]\\nExecStart=/bin/true\\n' > \"$2/quick.service\"\n");

        var reload = Published.RunSystemctl(root, "daemon-reload", "-c", "Generators=yes", "-c",
            "GeneratorTimeoutSec=1");

        Assert.Equal(0, reload.ExitCode);
        Assert.Equal("/usr/lib/systemd/system-generators/hang timed out. Killing.\n", reload.Stderr);
        Assert.True(root.Exists("/run/systemd/generator/quick.service"));
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(ServiceSandbox.IsAlive(pid));
    }
}
