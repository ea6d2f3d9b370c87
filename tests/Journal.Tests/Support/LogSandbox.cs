using System.Text.Json;
using Platform.TestSupport;

namespace Platform.Journal.Tests.Support;

/// <summary>
/// A <see cref="ServiceSandbox"/> whose services log through the real pump, with the published journalctl to read
/// them back. Disposing stops the units and kills what is left, the root's detached log pump included.
/// </summary>
internal sealed class LogSandbox : IDisposable
{
    // These tests read the services' own lines; the manager's "Starting x..." lines (ManagerLogTests) stay out.
    private const string Defaults = "DefaultTimeoutStartSec=20\nDefaultTimeoutStopSec=5\nLogLevel=alert\n";

    public LogSandbox() => Configure();

    public ServiceSandbox Box { get; } = new();

    public string Path => Box.Path;

    /// <summary>
    /// Replaces the root's systemctl.conf with the short test timeouts plus <paramref name="lines"/>.
    /// </summary>
    public void Configure(params string[] lines) =>
        Box.Root.Write("/etc/platform/systemctl.conf", Defaults + string.Join('\n', lines) + "\n");

    /// <summary>Writes a unit and starts it; fails the test when the start fails.</summary>
    public void Start(string unit, string content)
    {
        Box.Unit(unit, content);
        var start = Box.Systemctl("start", unit);
        Assert.True(start.ExitCode == 0, start.ToString());
    }

    /// <summary>Runs the published journalctl on this root with <c>--no-pager</c>.</summary>
    public CommandResult Journalctl(params string[] arguments)
        => CommandRunner.Run(Published.Journalctl, ["--root=" + Path, "--no-pager", .. arguments]);

    /// <summary>
    /// The <c>-o cat</c> lines of <paramref name="unit"/> once at least <paramref name="count"/> arrived (or the time
    /// ran out).
    /// </summary>
    public List<string> WaitForLines(string unit, int count, double seconds = 20)
    {
        List<string> lines = [];
        ServiceSandbox.WaitFor(() => (lines = Lines(Journalctl("-u", unit, "-o", "cat"))).Count >= count,
            TimeSpan.FromSeconds(seconds));
        return lines;
    }

    /// <summary>Every entry of <c>journalctl ARGS -o json</c>, parsed.</summary>
    public List<JsonElement> Json(params string[] arguments)
    {
        var result = Journalctl([.. arguments, "-o", "json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var entries = new List<JsonElement>();
        foreach (var line in result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            entries.Add(JsonDocument.Parse(line).RootElement.Clone());
        return entries;
    }

    /// <summary>Output lines without the final empty one.</summary>
    public static List<string> Lines(CommandResult result)
    {
        var lines = new List<string>(result.Stdout.Split('\n'));
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        if (lines is ["-- No entries --"]) lines.Clear();
        return lines;
    }

    public void Dispose() => Box.Dispose();
}
