using System.Text.Json;
using DotNet.Testcontainers.Containers;
using Platform.Testing;

namespace Platform.E2E.Tests;

/// <summary>The wgsync stack booted by our systemctl as PID 1 of a real container.</summary>
public sealed class WgsyncStackTests(WgsyncImage stack) : IClassFixture<WgsyncImage>
{
    private static List<(string Event, string Unit, long Ms)> Order(string text)
        => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' '))
            .Select(p => (p[0], p[1], long.Parse(p[2])))];

    [DockerFact]
    public async Task BootStartsEveryUnitInDependencyOrderWithoutZombies()
    {
        await using var c = await stack.BootAsync();

        foreach (var unit in WgsyncImage.Services)
            Assert.Equal("active\n", (await c.ExecAsync("systemctl", "is-active", unit)).Stdout);
        var order = Order(await c.ReadTextAsync("/var/log/wgsync/order"));
        long Started(string unit) => order.Single(o => o.Event == "start" && o.Unit == unit).Ms;
        Assert.True(Started("wgsync-ldap") >= Started("wgsync-event") + 250, "ldap started before event was ready");
        Assert.True(Started("wgsync-ldap-keytab") >= Started("wgsync-ldap-keytab-obtain") + 250,
            "keytab started before obtain finished");
        // The keytab refreshers are Type=simple (started once spawned, before their program logs anything), so the
        // order shows through the oneshots they follow: a consumer starts only after its keytab was obtained.
        Assert.True(Started("wgsync-ldap") >= Started("wgsync-ldap-keytab-obtain") + 250,
            "ldap started before its keytab was obtained");
        Assert.True(Started("wgsync-remctl") >= Started("wgsync-remctl-keytab-obtain") + 250,
            "remctl started before its keytab was obtained");
        // event and the ldap keytab chain do not depend on each other: each starts while the other is still starting.
        long Ready(string unit) => order.Single(o => o.Event == "ready" && o.Unit == unit).Ms;
        Assert.True(Started("wgsync-event") < Ready("wgsync-ldap-keytab-obtain")
            && Started("wgsync-ldap-keytab-obtain") < Ready("wgsync-event"),
            "independent units did not start in parallel");
        Assert.Equal(new ExecResult("running\n", "", 0), await c.ExecAsync("systemctl", "is-system-running"));
        var ps = await c.ExecAsync("ps", "-eo", "stat=");
        Assert.DoesNotContain(ps.Stdout.Split('\n'), s => s.StartsWith('Z'));
        Assert.Equal(0, (await c.ExecAsync("test", "-d", "/run/systemd/system")).ExitCode);
    }

    [DockerFact]
    public async Task KillingTheLdapKeytabStopsTheLdapConsumerAndStatusTellsWhy()
    {
        await using var c = await stack.BootAsync();
        var keytab = (await c.ExecAsync("systemctl", "show", "wgsync-ldap-keytab", "-p", "MainPID", "--value"))
            .Stdout.Trim();

        Assert.Equal(0, (await c.ExecAsync("kill", "-9", keytab)).ExitCode);

        await c.WaitForAsync(PlatformWait.ForExecOutput("inactive", "sh", "-c",
            "systemctl is-active wgsync-ldap || true"), TimeSpan.FromSeconds(20));
        // The keytab refresher restarts by its own policy (Restart=on-failure, RestartSec=1); the consumer stays
        // stopped, as with systemd. The killed run's end stays in the unit's log (and so in status's tail) after the
        // restart, while "Main PID:" already names the new process: read the log, not a one-second window.
        await c.WaitForAsync(PlatformWait.ForExecOutput("1", "systemctl", "show", "wgsync-ldap-keytab", "-p",
            "NRestarts", "--value"), TimeSpan.FromSeconds(20));
        var status = await c.ExecAsync("systemctl", "status", "-n", "20", "wgsync-ldap-keytab");
        Assert.Contains("wgsync-ldap-keytab.service: Main process exited, code=killed", status.Stdout);
        Assert.DoesNotContain("Main PID: " + keytab + " ", status.Stdout);
        Assert.Equal("inactive\n", (await c.ExecAsync("systemctl", "is-active", "wgsync-ldap")).Stdout);
    }

    [DockerFact]
    public async Task LogsReachJournalctlTheSplunkFifoAndDockerLogs()
    {
        await using var c = await stack.BootAsync();

        var json = await c.ExecAsync("journalctl", "-u", "wgsync-event", "-o", "json", "--no-pager");
        Assert.Equal(0, json.ExitCode);
        var entries = json.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(entries, e => e.GetProperty("MESSAGE").GetString() == "wgsync-event ready"
            && e.GetProperty("_SYSTEMD_UNIT").GetString() == "wgsync-event.service");
        // The FIFO reader comes late: what was written before it opened was spooled.
        var fifo = await c.ShellAsync("timeout 3 cat /run/splunk/journal.fifo; true");
        var lines = fifo.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(lines, e => e.GetProperty("MESSAGE").GetString() == "wgsync-ldap ready"
            && e.GetProperty("_SYSTEMD_UNIT").GetString() == "wgsync-ldap.service"
                && e.TryGetProperty("__REALTIME_TIMESTAMP", out _));
        Assert.Contains("wgsync-remctl ready", (await c.GetLogsAsync()).Stdout);
    }

    [DockerFact]
    public async Task DockerStopRunsEveryExecStopInReverseOrderAndExitsZero()
    {
        await using var c = await stack.BootAsync();

        Assert.Equal(0, await c.StopAsync(TimeSpan.FromSeconds(30)));

        var order = Order(await c.ReadTextAsync("/var/log/wgsync/order"));
        var stops = order.Where(o => o.Event == "stop").Select(o => o.Unit).ToList();
        Assert.Equal(WgsyncImage.Services.Length, stops.Count);
        int At(string unit) => stops.IndexOf(unit);
        Assert.True(At("wgsync-ldap") < At("wgsync-event") && At("wgsync-ldap") < At("wgsync-ldap-keytab")
            && At("wgsync-ldap") < At("wgsync-ebs"));
        Assert.True(At("wgsync-ldap-keytab") < At("wgsync-ldap-keytab-obtain"));
        Assert.True(At("wgsync-remctl") < At("wgsync-remctl-keytab")
            && At("wgsync-remctl-keytab") < At("wgsync-remctl-keytab-obtain"));
        Assert.DoesNotContain("SIGKILL", (await c.GetLogsAsync()).Stderr);
    }
}
