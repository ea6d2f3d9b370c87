using Platform.Host.Tests.Plugins;
using Platform.TestSupport;

namespace Platform.Host.Tests.Query;

/// <summary>
/// Timers without an init: <c>start</c> records them active/waiting with the elapse they would have, <c>list-timers</c>
/// and <c>show</c> report it in systemd 252's layout, and nothing fires.
/// </summary>
public sealed class ListTimersTests
{
    private static TempRoot Tree()
    {
        var t = new TempRoot("platform-timers-");
        t.WriteUnit("far.timer", "[Timer]\nOnCalendar=2199-01-01\nPersistent=yes\n");
        t.WriteUnit("far.service", "[Service]\nType=oneshot\nExecStart=/bin/true\n");
        t.WriteUnit("soon.timer", "[Timer]\nOnActiveSec=0.2\nUnit=other.service\n");
        t.WriteUnit("other.service", $"[Service]\nType=oneshot\nExecStart=/bin/touch {t.Combine("/fired")}\n");
        t.WriteUnit("idle.timer", "[Timer]\nOnCalendar=daily\n");
        t.WriteUnit("idle.service", "[Service]\nExecStart=/bin/true\n");
        return t;
    }

    [PublishedFact]
    public void ListsActiveTimersByNextElapseInSystemdLayout()
    {
        using var root = Tree();
        Assert.Equal(0, Published.RunSystemctl(root, "start", "far.timer", "soon.timer").ExitCode);
        // Until soon.timer's elapse (0.2 s after its start) has passed, it lists as "left", not "ago".
        var lines = Array.Empty<string>();
        Assert.True(ServiceSandbox.WaitFor(
            () => (lines = Published.RunSystemctl(root, "list-timers").Stdout.Split('\n'))
                .Any(l => l.Contains(" ago ", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(15)), string.Join('\n', lines));

        Assert.Matches(@"^NEXT +LEFT +LAST +PASSED +UNIT +ACTIVATES$", lines[0]);
        // soon.timer's elapse passed (no init fired it), so it sorts first; far.timer's is in 2199.
        Assert.Matches(@"^\w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC +\d+m?s ago +n/a +n/a +soon\.timer +other\.service$",
            lines[1]);
        Assert.Matches(@"^Tue 2199-01-01 00:00:00 UTC +172 years \d+ months? left +n/a +n/a +far\.timer +far\.service$",
            lines[2]);
        Assert.Equal(lines[0].IndexOf("UNIT", StringComparison.Ordinal),
            lines[2].IndexOf("far.timer", StringComparison.Ordinal));
        Assert.Equal(["", "2 timers listed.", "Pass --all to see loaded but inactive timers, too.", ""], lines[3..]);
        Assert.False(File.Exists(root.Combine("/fired")));
    }

    [PublishedFact]
    public void AllAddsInactiveTimersAndPatternsFilter()
    {
        using var root = Tree();
        Assert.Equal(0, Published.RunSystemctl(root, "start", "far.timer").ExitCode);

        var all = Published.RunSystemctl(root, "list-timers", "--all").Stdout;
        var filtered = Published.RunSystemctl(root, "list-timers", "--all", "--no-legend", "idle*").Stdout;

        Assert.Matches(@"\nn/a +n/a +n/a +n/a +idle\.timer +idle\.service\n", all);
        Assert.EndsWith("\n3 timers listed.\n", all);
        Assert.Matches(@"^n/a +n/a +n/a +n/a +idle\.timer idle\.service\n$", filtered);
    }

    [PublishedFact]
    public void ShowGivesTimerPropertiesInSystemdOrder()
    {
        using var root = Tree();
        Assert.Equal(0, Published.RunSystemctl(root, "start", "far.timer").ExitCode);

        var shown = Published.RunSystemctl(root, "show", "far.timer", "-p",
            "Persistent,Unit,NextElapseUSecRealtime,NextElapseUSecMonotonic,SubState,AccuracyUSec,TimersCalendar")
            .Stdout;

        Assert.Equal("Unit=far.service\n"
            + "TimersCalendar={ OnCalendar=2199-01-01 00:00:00 ; next_elapse=Tue 2199-01-01 00:00:00 UTC }\n"
            + "NextElapseUSecRealtime=Tue 2199-01-01 00:00:00 UTC\n"
            + "NextElapseUSecMonotonic=infinity\n"
            + "AccuracyUSec=1min\n"
            + "Persistent=yes\n"
            + "SubState=waiting\n", shown);
        // Persistent= creates the stamp on first start.
        Assert.True(File.Exists(root.Combine("/var/lib/systemd/timers/stamp-far.timer")));
    }

    [PublishedFact]
    public void StatusShowsTriggerAndTriggers()
    {
        using var root = Tree();
        Assert.Equal(0, Published.RunSystemctl(root, "start", "far.timer").ExitCode);

        var status = Published.RunSystemctl(root, "status", "far.timer").Stdout;

        Assert.Matches(
            @"\n     Active: active \(waiting\) since [^\n]+\n"
            + @"    Trigger: Tue 2199-01-01 00:00:00 UTC; 172 years \d+ months? left\n"
            + @"   Triggers: ● far\.service\n", status);
    }
}
