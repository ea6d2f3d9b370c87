using System.Text;
using System.Text.Json;
using Platform.Abstractions;
using Platform.TestSupport;

namespace Platform.LogSinks.Tests.Support;

/// <summary>
/// Reading the real journalctl's output: JSON entries, their byte values, export framing; and copying entries into our
/// journal.
/// </summary>
internal static class RealEntries
{
    /// <summary>The real entries copied into our file journal with their own times, PIDs and host.</summary>
    public static TempRoot CopyToOurJournal(IEnumerable<JsonElement> entries)
    {
        var root = new TempRoot();
        var records = entries.Select(e => new LogRecord
        {
            Unit = e.GetProperty("SYSLOG_IDENTIFIER").GetString() + ".service",
            Identifier = e.GetProperty("SYSLOG_IDENTIFIER").GetString(),
            Pid = int.Parse(e.GetProperty("_PID").GetString()!),
            Hostname = e.GetProperty("_HOSTNAME").GetString(),
            Priority = int.Parse(e.GetProperty("PRIORITY").GetString()!),
            RealtimeUsec = long.Parse(e.GetProperty("__REALTIME_TIMESTAMP").GetString()!),
            MonotonicUsec = long.Parse(e.GetProperty("__MONOTONIC_TIMESTAMP").GetString()!),
            Stream = e.GetProperty("_TRANSPORT").GetString() == "stdout" ? "stdout" : "init",
            Message = Bytes(e.GetProperty("MESSAGE")),
            Fields = CopiedFields(e),
        }).ToArray();
        TestJournal.Write(root, records);
        return root;
    }

    private static Dictionary<string, string> CopiedFields(JsonElement entry)
    {
        var fields = new Dictionary<string, string> { ["_BOOT_ID"] = entry.GetProperty("_BOOT_ID").GetString()! };
        if (entry.TryGetProperty("_SOURCE_REALTIME_TIMESTAMP", out var source))
            fields["_SOURCE_REALTIME_TIMESTAMP"] = source.GetString()!;
        return fields;
    }

    public static List<JsonElement> Parse(byte[] jsonLines)
        => Encoding.UTF8.GetString(jsonLines).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();

    public static byte[] Bytes(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? value.EnumerateArray().Select(b => (byte)b.GetInt32()).ToArray()
        : Encoding.UTF8.GetBytes(value.GetString()!);

    /// <summary>The MESSAGE field of each exported entry, in its exact framing (text or binary form).</summary>
    public static List<string> ExportMessages(byte[] export)
    {
        var text = Encoding.Latin1.GetString(export);
        var result = new List<string>();
        for (var at = text.IndexOf("\nMESSAGE", StringComparison.Ordinal); at >= 0; at = text.IndexOf("\nMESSAGE",
            at + 1, StringComparison.Ordinal))
        {
            var start = at + 1;
            if (text[start + 7] == '=') result.Add(text[start..text.IndexOf('\n', start)]);
            else if (text[start + 7] == '\n')
            {
                var length = (int)BitConverter.ToUInt64(export, start + 8);
                result.Add(text.Substring(start, 8 + 8 + length + 1));
            }
        }
        return result;
    }
}
