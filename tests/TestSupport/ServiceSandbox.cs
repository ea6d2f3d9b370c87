using System.Globalization;

namespace Platform.TestSupport;

/// <summary>
/// A temporary root for lifecycle tests: runs the systemctl under test against it and, when disposed, stops every
/// unit it recorded and kills whatever is left of the processes started under it (found by the root path in their
/// environment or command line), so no test leaves a service behind.
/// </summary>
public sealed class ServiceSandbox : IDisposable
{
    public ServiceSandbox()
    {
        Root = new TempRoot("platform-life-");
        // Short defaults keep a misbehaving test from hanging for systemd's 90 s.
        Root.Write("/etc/platform/systemctl.conf", "DefaultTimeoutStartSec=20\nDefaultTimeoutStopSec=5\n");
    }

    public TempRoot Root { get; }
    public string Path => Root.Path;

    /// <summary>Runs <c>systemctl --root=ROOT ARGS</c>.</summary>
    public CommandResult Systemctl(params string[] arguments) => Published.RunSystemctl(Root, arguments);

    /// <summary>Writes a unit below /etc/systemd/system.</summary>
    public void Unit(string name, string content) => Root.WriteUnit(name, content);

    /// <summary>A file path inside the root that a service may write to (services see real paths).</summary>
    public string File(string name) => Root.Combine("/" + name);

    /// <summary>Reads one property with <c>show -p NAME --value</c>.</summary>
    public string Property(string unit, string property) =>
        Systemctl("show", unit, "-p", property, "--value").Stdout.Trim();

    /// <summary>The main PID as an int (0 when none).</summary>
    public int MainPid(string unit) => int.Parse(Property(unit, "MainPID"), CultureInfo.InvariantCulture);

    /// <summary>Waits until <paramref name="condition"/> holds or the time passes; returns whether it held.</summary>
    public static bool WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var end = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < end)
        {
            if (condition()) return true;
            Thread.Sleep(50);
        }
        return condition();
    }

    /// <summary>Whether a (host) pid exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            return pid > 0 && !System.IO.File.ReadAllText($"/proc/{pid}/stat")
                .Contains(") Z ", StringComparison.Ordinal);
        }
        catch (IOException) { return false; }
    }

    public void Dispose()
    {
        var status = Root.Combine("/run/platform/status");
        if (Directory.Exists(status))
        {
            var units = Directory.GetFiles(status).Select(f => System.IO.Path.GetFileName(f))
                .Where(f => f.EndsWith(".status", StringComparison.Ordinal)).Select(f => f[..^".status".Length])
                    .ToArray();
            if (units.Length > 0)
                try
                {
                    CommandRunner.Run(Published.Systemctl, ["--root=" + Path, "stop", .. units],
                        timeout: TimeSpan.FromSeconds(30));
                }
                catch (TimeoutException) { }
        }
        ProcessReaper.KillMentioning(Path);
        Root.Dispose();
    }
}
