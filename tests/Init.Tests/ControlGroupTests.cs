using System.Globalization;
using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>
/// Issue 11 item 6: a process that double-forks out of its session is still the unit's, and stop ends it.
/// </summary>
public sealed class ControlGroupTests : IDisposable
{
    // The escapee leaves the session (setsid) and the main process's tree (its parent exits) and clears INVOCATION_ID:
    // only a cgroup can still tell whose it is.
    private static string Escaping(string marker) =>
        "[Service]\n"
        + $"ExecStart=/bin/sh -c 'setsid -f env -u INVOCATION_ID sh -c \"echo \\$\\$ > {marker}; exec sleep 100000\"; "
        + "exec sleep 100000'\n";

    private readonly ServiceSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [ControlGroupFact]
    public void WithACgroup2HierarchyEachServiceGetsItsOwnGroupAndStopEndsAProcessThatEscapedItsSession()
    {
        using var ns = new ControlGroupNamespace(_box);
        var marker = _box.File("escapee.pid");
        _box.Unit("esc.service", Escaping(marker));

        var start = ns.Systemctl("start", "esc");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.True(ServiceSandbox.WaitFor(() => File.Exists(marker) && File.ReadAllText(marker).Trim().Length > 0,
            TimeSpan.FromSeconds(5)));
        Assert.Equal("/system.slice/esc.service", ns.Systemctl("show", "esc", "-p", "ControlGroup", "--value")
            .Stdout.Trim());
        var members = File.ReadAllText(Path.Join(ns.HostPath("/system.slice/esc.service"), "cgroup.procs"));
        Assert.Equal(2, members.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var status = ns.Systemctl("status", "esc").Stdout;
        Assert.Contains("     CGroup: /system.slice/esc.service\n", status);
        var escapee = int.Parse(File.ReadAllText(marker).Trim(), CultureInfo.InvariantCulture);
        Assert.Contains($"─{escapee} sleep 100000", status);

        var stop = ns.Systemctl("stop", "esc");

        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.False(Directory.Exists(ns.HostPath("/system.slice/esc.service")), "the empty group is removed");
        Assert.True(Directory.Exists(ns.HostPath("/system.slice")));
        Assert.Equal("", ns.Systemctl("show", "esc", "-p", "ControlGroup", "--value").Stdout.Trim());
    }

    [ControlGroupFact]
    public void ANestedSliceLivesInsideItsParentSlice()
    {
        using var ns = new ControlGroupNamespace(_box);
        _box.Unit("nested.service", "[Service]\nSlice=shop-web.slice\nExecStart=/bin/sleep 100000\n");

        Assert.Equal(0, ns.Systemctl("start", "nested").ExitCode);

        Assert.Equal("/shop.slice/shop-web.slice/nested.service",
            ns.Systemctl("show", "nested", "-p", "ControlGroup", "--value").Stdout.Trim());
        Assert.Equal("shop-web.slice", ns.Systemctl("show", "nested", "-p", "Slice", "--value").Stdout.Trim());
        Assert.Equal(0, ns.Systemctl("stop", "nested").ExitCode);
    }
}
