using System.Text;
using Platform.Abstractions;
using Platform.Journal;

namespace Platform.LogSinks.Fifo;

/// <summary>
/// One record as one line of JSON with journald's field names and <c>journalctl -o json</c>'s value conventions
/// (every value a string; a MESSAGE that is not printable UTF-8 an array of byte numbers). Unlike journalctl,
/// long values are kept in full rather than written as null, since a log shipper wants the whole line.
/// </summary>
internal sealed class JsonRecordEncoder
{
    private readonly byte[] _hostname;
    private readonly string _bootId;
    private string? _lastUnit, _lastIdentifier;
    private byte[] _unitJson = [], _identifierJson = [];
    private IReadOnlyDictionary<string, string>? _lastFields;
    private byte[] _fieldsJson = [];
    private bool _fieldsHaveBoot;

    public JsonRecordEncoder(string hostname, string bootId)
    {
        _hostname = Encoding.UTF8.GetBytes(hostname);
        _bootId = bootId;
    }

    public void Append(ByteBuffer output, LogRecord record)
    {
        output.Append("{\"__REALTIME_TIMESTAMP\":\""u8);
        output.Append(record.RealtimeUsec);
        output.Append("\",\"__MONOTONIC_TIMESTAMP\":\""u8);
        output.Append(record.MonotonicUsec);
        output.Append("\",\"PRIORITY\":\""u8);
        output.Append((long)record.Priority);
        output.Append("\",\"_TRANSPORT\":\""u8);
        output.Append(record.Stream is "stdout" or "stderr" ? "stdout"u8 : "journal"u8);
        output.Append("\",\"_SYSTEMD_UNIT\":"u8);
        if (!ReferenceEquals(record.Unit, _lastUnit)) (_lastUnit, _unitJson) = (record.Unit, Encode(record.Unit));
        output.Append(_unitJson);
        if (record.Identifier is { } identifier)
        {
            output.Append(",\"SYSLOG_IDENTIFIER\":"u8);
            if (!ReferenceEquals(identifier, _lastIdentifier))
                (_lastIdentifier, _identifierJson) = (identifier, Encode(identifier));
            output.Append(_identifierJson);
        }
        if (record.Pid > 0)
        {
            output.Append(",\"_PID\":\""u8);
            output.Append((long)record.Pid);
            output.Append((byte)'"');
        }
        output.Append(",\"_HOSTNAME\":"u8);
        if (record.Hostname is { } host) JournalJson.Value(output, Encoding.UTF8.GetBytes(host));
        else
        {
            output.Append((byte)'"');
            output.Append(_hostname);
            output.Append((byte)'"');
        }
        // A stream's records share one fields dictionary: encode it once.
        if (!ReferenceEquals(record.Fields, _lastFields))
        {
            _lastFields = record.Fields;
            (_fieldsJson, _fieldsHaveBoot) = EncodeFields(record.Fields);
        }
        output.Append(_fieldsJson);
        if (!_fieldsHaveBoot)
        {
            output.Append(",\"_BOOT_ID\":\""u8);
            output.Append(_bootId);
            output.Append((byte)'"');
        }
        output.Append(",\"MESSAGE\":"u8);
        JournalJson.Value(output, record.Message);
        output.Append("}\n"u8);
    }

    private static bool IsOwnField(string name) => name is "MESSAGE" or "PRIORITY" or "_SYSTEMD_UNIT" or "_PID"
        or "SYSLOG_IDENTIFIER" or "__REALTIME_TIMESTAMP" or "__MONOTONIC_TIMESTAMP" or "_HOSTNAME" or "_TRANSPORT";

    private static (byte[] Json, bool HasBoot) EncodeFields(IReadOnlyDictionary<string, string>? fields)
    {
        if (fields is null) return ([], false);
        var buffer = new ByteBuffer(256);
        var hasBoot = false;
        foreach (var (name, value) in fields)
        {
            if (IsOwnField(name)) continue;
            hasBoot |= name == "_BOOT_ID";
            buffer.Append((byte)',');
            JournalJson.Name(buffer, Encoding.UTF8.GetBytes(name));
            JournalJson.Value(buffer, Encoding.UTF8.GetBytes(value));
        }
        return (buffer.Span.ToArray(), hasBoot);
    }

    private static byte[] Encode(string text)
    {
        var buffer = new ByteBuffer(text.Length + 8);
        JournalJson.Value(buffer, Encoding.UTF8.GetBytes(text));
        return buffer.Span.ToArray();
    }
}
