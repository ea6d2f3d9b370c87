using System.Globalization;
using System.Text;
using Platform.Abstractions;

namespace Platform.Journal.Journalctl;

/// <summary>
/// A record as the journal fields <c>journalctl -o json/export</c> print: the address fields first
/// (<c>__CURSOR</c>, <c>__REALTIME_TIMESTAMP</c>, <c>__MONOTONIC_TIMESTAMP</c>, <c>_BOOT_ID</c>), then the data fields.
/// Our cursor has journald's shape (<c>s=;i=;b=;m=;t=;x=</c>) but only identifies an entry for display.
/// </summary>
internal static class EntryFields
{
    public static List<KeyValuePair<string, byte[]>> Of(LogRecord record, string defaultHostname)
    {
        var fields = new List<KeyValuePair<string, byte[]>>(16);
        var boot = record.Fields is { } f && f.TryGetValue("_BOOT_ID", out var b) ? b : "";
        fields.Add(Text("__CURSOR", Cursor(record, boot)));
        fields.Add(Text("__REALTIME_TIMESTAMP", Number(record.RealtimeUsec)));
        fields.Add(Text("__MONOTONIC_TIMESTAMP", Number(record.MonotonicUsec)));
        if (boot.Length > 0) fields.Add(Text("_BOOT_ID", boot));
        fields.Add(Text("PRIORITY", Number(record.Priority)));
        if (record.Identifier is { } identifier) fields.Add(Text("SYSLOG_IDENTIFIER", identifier));
        if (record.Pid > 0) fields.Add(Text("_PID", Number(record.Pid)));
        fields.Add(Text("_HOSTNAME", record.Hostname ?? defaultHostname));
        fields.Add(Text("_TRANSPORT", Transport(record)));
        // A stream the pump could tie to no unit has none, as journald leaves out what it cannot prove.
        if (record.Unit.Length > 0) fields.Add(Text("_SYSTEMD_UNIT", record.Unit));
        if (record.Fields is not null)
            foreach (var (name, value) in record.Fields)
                if (!IsAddressOrOwn(name)) fields.Add(Text(name, value));
        fields.Add(new("MESSAGE", record.Message));
        return fields;
    }

    /// <summary>
    /// journald's <c>_TRANSPORT</c>: service output is <c>stdout</c>, the manager's own records <c>journal</c>.
    /// </summary>
    public static string Transport(LogRecord record) => record.Stream is "stdout" or "stderr" ? "stdout" : "journal";

    /// <summary>
    /// The value of one field by journal name, for <c>FIELD=VALUE</c> matches; null when the record lacks it.
    /// </summary>
    public static string? Value(LogRecord record, string name) => name switch
    {
        "_SYSTEMD_UNIT" or "UNIT" => record.Unit.Length > 0 ? record.Unit : null,
        "SYSLOG_IDENTIFIER" => record.Identifier,
        "_PID" => record.Pid > 0 ? Number(record.Pid) : null,
        "PRIORITY" => Number(record.Priority),
        "_HOSTNAME" => record.Hostname,
        "_TRANSPORT" => Transport(record),
        "MESSAGE" => record.MessageText,
        _ => record.Fields is { } f && f.TryGetValue(name, out var v) ? v : null,
    };

    private static bool IsAddressOrOwn(string name) => name is "_BOOT_ID" or "PRIORITY" or "SYSLOG_IDENTIFIER" or "_PID"
        or "_HOSTNAME" or "_TRANSPORT" or "_SYSTEMD_UNIT" or "MESSAGE" or "__CURSOR" or "__REALTIME_TIMESTAMP"
        or "__MONOTONIC_TIMESTAMP";

    private static string Cursor(LogRecord record, string boot)
    {
        // Stable across runs (string.GetHashCode is not): FNV-1a over the unit, then the entry's own bytes.
        var unit = Fnv(Encoding.UTF8.GetBytes(record.Unit), 14695981039346656037UL);
        var entry = Fnv(record.Message, unit ^ (ulong)record.RealtimeUsec ^ ((ulong)record.Pid << 32));
        var realtime = record.RealtimeUsec;
        return string.Create(CultureInfo.InvariantCulture,
            $"s={unit:x16};i={realtime:x};b={boot};m={record.MonotonicUsec:x};t={realtime:x};x={entry:x16}");
    }

    private static ulong Fnv(ReadOnlySpan<byte> data, ulong hash)
    {
        foreach (var b in data) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static KeyValuePair<string, byte[]> Text(string name, string value) =>
        new(name, Encoding.UTF8.GetBytes(value));
}
