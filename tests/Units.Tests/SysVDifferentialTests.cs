namespace Platform.Units.Tests;

[Trait("Category", "Differential")]
public sealed class SysVDifferentialTests
{
    public static TheoryData<string, string, bool> Scripts => new()
    {
        { "full", """
            #!/bin/sh
            ### BEGIN INIT INFO
            # Provides:          full
            # Required-Start:    $network $remote_fs $syslog $named $time $portmap $local_fs foo
            # Required-Stop:     $network
            # Should-Start:      bar $x-display-manager
            # Default-Start:     2 3 4 5
            # Default-Stop:      0 1 6
            # X-Start-Before:    baz
            # Short-Description: Full header
            # Description:       Long
            #                    description
            ### END INIT INFO
            exit 0
            """, true },
        { "long-only",
            "#!/bin/sh\n### BEGIN INIT INFO\n# Provides: long-only\n# Description: Only a long one\n"
            + "### END INIT INFO\n", false },
        { "plain", "#!/bin/sh\necho no header\n", false },
        { "legacy.sh", "#!/bin/sh\n### BEGIN INIT INFO\n# Short-Description: dot sh\n### END INIT INFO\n", false },
    };

    [DifferentialTheory]
    [MemberData(nameof(Scripts))]
    public void SysVScriptGivesTheUnitSystemdSysvGeneratorWrites(string file, string script, bool enabled)
    {
        using var gen = new UnitTree();
        using var ours = new UnitTree();
        var initDir = gen.Root.Combine("/init.d");
        gen.Root.WriteScript("/init.d/" + file, script);
        ours.Root.WriteScript("/etc/init.d/" + file, script);
        if (enabled)
        {
            gen.Link("/init.d-rc/rc2.d/S01" + file, "../init.d/" + file);
            ours.Link("/etc/rc2.d/S01" + file, "../init.d/" + file);
        }
        var r = RealSystemd.GenerateSysV(initDir, gen.Root.Combine("/out"));
        Assert.Equal(0, r.ExitCode);
        var service = SysVScript.ServiceName(file)!;
        var generated = File.ReadAllText(gen.Root.Combine("/out/l/" + service)).Replace(initDir, "/etc/init.d");
        var expected = UnitFileParser.Parse(generated, "g", null)
            .Settings.Select(s => $"{s.Section}.{s.Key}={s.Value}");
        // Both write the path where they found the script; compare them as seen inside the root.
        var actual = ours.Repo().Load(service).Settings.Select(s =>
            $"{s.Section}.{s.Key}={s.Value.Replace(ours.Root.Combine("/etc/init.d"), "/etc/init.d")}");
        Assert.Equal(expected, actual);
    }
}
