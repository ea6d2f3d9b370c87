using Platform.Abstractions;

namespace Platform.Units.Tests;

/// <summary>
/// The built-in targets, slices and syslog.socket say what systemd 252's own unit files say: every setting of their
/// [Unit] section is the same, and the compatibility links (runlevels, ctrl-alt-del) point where systemd's do. The
/// files of the systemd package installed on this machine are the oracle.
/// </summary>
public sealed class BuiltInOracleTests
{
    private const string SystemdUnits = "/lib/systemd/system";

    public static TheoryData<string> ShippedUnits()
    {
        var data = new TheoryData<string>();
        foreach (var name in new[] { "basic.target", "sysinit.target", "multi-user.target", "graphical.target",
            "timers.target",
                     "sockets.target", "paths.target", "slices.target", "local-fs.target", "network-online.target",
                         "network.target",
                     "time-sync.target", "shutdown.target", "rescue.target", "emergency.target", "getty.target",
                         "halt.target",
                     "cryptsetup.target", "remote-fs.target", "sleep.target", "user.slice", "machine.slice",
                         "syslog.socket" })
            data.Add(name);
        return data;
    }

    private static List<string> Settings(IEnumerable<UnitSetting> settings, string section)
        => settings.Where(s => s.Section == section).Select(s => s.Key + "=" + s.Value).Order(StringComparer.Ordinal)
            .ToList();

    [SystemdUnitsTheory]
    [MemberData(nameof(ShippedUnits))]
    public void ABuiltInUnitHasTheSettingsOfSystemd252sFile(string name)
    {
        var file = Path.Combine(SystemdUnits, name);
        using var tree = new UnitTree();
        var ours = tree.Repo().LoadUnit(name);
        Assert.True(ours.IsBuiltIn);
        var theirs = UnitFileParser.Parse(File.ReadAllText(file), file, _ => { });
        foreach (var section in new[] { "Unit", "Socket" })
            Assert.Equal(Settings(theirs.Settings, section), Settings(ours.Definition.Settings, section));
    }

    [SystemdUnitsTheory]
    [InlineData("runlevel3.target")]
    [InlineData("runlevel5.target")]
    [InlineData("ctrl-alt-del.target")]
    public void ACompatibilityLinkStandsForTheTargetSystemdLinksItTo(string name)
    {
        var file = Path.Combine(SystemdUnits, name);
        using var tree = new UnitTree();
        var ours = tree.Repo().LoadUnit(name);
        Assert.Equal(new FileInfo(file).LinkTarget, ours.Id);
        Assert.Contains(name, ours.Names);
    }

    [Fact]
    public void BasicTargetIsNotOrderedAfterTimersTargetWhichHasNoDefaultDependencies()
    {
        using var tree = new UnitTree();
        var graph = new DependencyGraph(tree.Repo());
        var after = graph.Get("basic.target", "After");
        Assert.Contains("sockets.target", after);
        Assert.DoesNotContain("timers.target", after);
    }
}
