using System.Text;
using Platform.Abstractions;
using Platform.Journal.Journalctl;

namespace Platform.Journal;

/// <summary>
/// The log excerpt of <c>systemctl status</c>: a unit's newest lines, formatted like <c>journalctl -o short</c>.
/// </summary>
internal static class JournalTail
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
        var buffer = new ByteBuffer();
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
