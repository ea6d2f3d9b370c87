using System.Text;
using Platform.Abstractions;
using Platform.Host.Journal.Journalctl;

namespace Platform.Host.Journal;

/// <summary>
/// The log excerpt of <c>systemctl status</c>: a unit's newest lines, formatted like <c>journalctl -o short</c>.
/// </summary>
public static class JournalTail
{
    /// <summary>
    /// The last <paramref name="count"/> entries of <paramref name="unit"/> (optionally only those of one invocation),
    /// each formatted as one <c>short</c> entry without its final newline (multi-line messages keep their inner
    /// newlines).
    /// </summary>
    public static IReadOnlyList<string> Lines(ILogReader reader, string unit, int count, string? invocationId = null,
        bool hostname = true)
    {
        if (count <= 0) return [];
        var ring = NewestEntries.Read(reader, new LogQuery { Units = [unit] }, count, record => invocationId is null
            || (record.Fields is { } f && f.TryGetValue("_SYSTEMD_INVOCATION_ID", out var id) && id == invocationId));
        var formatter = new ShortFormatter(OutputMode.Short, hostname, all: false, utc: false, Environment.MachineName);
        var buffer = new OutputBuffer();
        var lines = new List<string>(ring.Count);
        foreach (var record in ring)
        {
            buffer.Clear();
            formatter.Format(buffer, record);
            lines.Add(Encoding.UTF8.GetString(buffer.Span[..^1]));
        }
        return lines;
    }
}
