using System.Globalization;
using System.Text;

namespace Platform.Journal;

/// <summary>
/// What the spawning systemctl tells the pump before handing a stream to a service: whose output it is and how to
/// read it. Sent as <c>KEY=VALUE</c> lines after a magic first line, ended by an empty line (4 KiB at most).
/// </summary>
/// <param name="Unit">The unit name, e.g. <c>web.service</c> (<c>_SYSTEMD_UNIT</c>).</param>
/// <param name="Identifier">The <c>SYSLOG_IDENTIFIER</c>: <c>SyslogIdentifier=</c> or the executable's name.</param>
/// <param name="Stream"><c>stdout</c> or <c>stderr</c>; one stream shared by both says <c>stdout</c>.</param>
/// <param name="Priority">The priority of lines without a <c>&lt;N&gt;</c> prefix (0-7; systemd's SyslogLevel=, default
/// 6).</param>
/// <param name="LevelPrefix">Whether a leading <c>&lt;N&gt;</c> sets the line's priority (systemd's SyslogLevelPrefix=,
/// default on).</param>
/// <param name="InvocationId">The run's invocation id (32 hex digits), recorded as <c>_SYSTEMD_INVOCATION_ID</c>, or
/// null.</param>
/// <param name="Slice">The unit's slice (<c>Slice=</c>, default <c>system.slice</c>), recorded as
/// <c>_SYSTEMD_SLICE</c>, or null.</param>
internal sealed record JournalStreamHeader(string Unit, string Identifier, string Stream = "stdout", int Priority = 6,
    bool LevelPrefix = true, string? InvocationId = null, string? Slice = null)
{
    internal const string Magic = "PLATFORM-JOURNAL-STREAM 1";
    internal const int MaxSize = 4096;

    /// <summary>The header bytes as sent on the socket.</summary>
    public byte[] Encode()
    {
        var b = new StringBuilder(Magic).Append('\n');
        b.Append("UNIT=").Append(Clean(Unit)).Append('\n');
        b.Append("IDENTIFIER=").Append(Clean(Identifier)).Append('\n');
        b.Append("STREAM=").Append(Clean(Stream)).Append('\n');
        b.Append("PRIORITY=").Append(Math.Clamp(Priority, 0, 7).ToString(CultureInfo.InvariantCulture)).Append('\n');
        b.Append("LEVEL_PREFIX=").Append(LevelPrefix ? '1' : '0').Append('\n');
        if (!string.IsNullOrEmpty(InvocationId)) b.Append("INVOCATION_ID=").Append(Clean(InvocationId)).Append('\n');
        if (!string.IsNullOrEmpty(Slice)) b.Append("SLICE=").Append(Clean(Slice)).Append('\n');
        b.Append('\n');
        var bytes = Encoding.UTF8.GetBytes(b.ToString());
        if (bytes.Length > MaxSize) throw new ArgumentException("journal stream header longer than 4 KiB");
        return bytes;
    }

    /// <summary>Parses a complete header (without its final empty line); null when it is not one.</summary>
    internal static JournalStreamHeader? TryParse(ReadOnlySpan<byte> text)
    {
        var lines = Encoding.UTF8.GetString(text).Split('\n');
        if (lines.Length == 0 || lines[0] != Magic) return null;
        string? unit = null, identifier = null, invocation = null, slice = null;
        string stream = "stdout";
        int priority = 6;
        bool levelPrefix = true;
        for (var i = 1; i < lines.Length; i++)
        {
            var eq = lines[i].IndexOf('=');
            if (eq <= 0) continue;
            var value = lines[i][(eq + 1)..];
            switch (lines[i][..eq])
            {
                case "UNIT": unit = value; break;
                case "IDENTIFIER": identifier = value; break;
                case "STREAM": stream = value; break;
                case "PRIORITY":
                    if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 7)
                        priority = p;
                    break;
                case "LEVEL_PREFIX": levelPrefix = value != "0"; break;
                case "INVOCATION_ID": invocation = value.Length > 0 ? value : null; break;
                case "SLICE": slice = value.Length > 0 ? value : null; break;
            }
        }
        if (string.IsNullOrEmpty(unit)) return null;
        return new JournalStreamHeader(unit, string.IsNullOrEmpty(identifier) ? unit : identifier, stream, priority,
            levelPrefix, invocation, slice);
    }

    private static string Clean(string value) => value.Replace('\n', ' ').Replace('\0', ' ');
}
