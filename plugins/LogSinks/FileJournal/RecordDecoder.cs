using System.Buffers.Binary;
using System.Text;
using Platform.Abstractions;

namespace Platform.LogSinks.FileJournal;

/// <summary>
/// Turns record bodies back into <see cref="LogRecord"/>s. Consecutive records of a stream repeat their unit,
/// identifier and extra fields, so the decoder reuses the previous strings and dictionary when the bytes match.
/// <c>_BOOT_ID</c> is returned among the fields.
/// </summary>
internal sealed class RecordDecoder
{
    private readonly StringCache _unit = new(), _identifier = new(), _hostname = new(), _stream = new();
    private byte[] _lastExtras = [];
    private IReadOnlyDictionary<string, string>? _lastFields;

    public static int Priority(ReadOnlySpan<byte> body) => body[1];
    public static long Realtime(ReadOnlySpan<byte> body) => BinaryPrimitives.ReadInt64LittleEndian(body[8..]);

    /// <summary>
    /// Whether the record passes the query's priority and time filters, read from the fixed part only.
    /// </summary>
    public static bool Matches(ReadOnlySpan<byte> body, LogQuery query)
    {
        if (query.MaxPriority is { } max && body[1] > max) return false;
        var t = Realtime(body);
        return (query.SinceUsec is not { } since || t >= since) && (query.UntilUsec is not { } until || t <= until);
    }

    public LogRecord Decode(ReadOnlySpan<byte> body)
    {
        string? unit = null, identifier = null, hostname = null, stream = null;
        byte[] message = [];
        var fieldsStart = -1;
        var at = JournalFileFormat.FixedBodySize;
        while (at + 5 <= body.Length)
        {
            var tag = body[at];
            var n = BinaryPrimitives.ReadInt32LittleEndian(body[(at + 1)..]);
            if (n < 0 || at + 5 + n > body.Length) break;
            var value = body.Slice(at + 5, n);
            switch (tag)
            {
                case JournalFileFormat.TagUnit: unit = _unit.Get(value); break;
                case JournalFileFormat.TagIdentifier: identifier = _identifier.Get(value); break;
                case JournalFileFormat.TagHostname: hostname = _hostname.Get(value); break;
                case JournalFileFormat.TagStream: stream = _stream.Get(value); break;
                case JournalFileFormat.TagMessage: message = value.ToArray(); break;
                case JournalFileFormat.TagField: if (fieldsStart < 0) fieldsStart = at; break;
            }
            at += 5 + n;
        }
        return new LogRecord
        {
            Unit = unit ?? "",
            Identifier = identifier,
            Hostname = hostname,
            Stream = stream ?? "stdout",
            Priority = body[1],
            Pid = BinaryPrimitives.ReadInt32LittleEndian(body[4..]),
            RealtimeUsec = Realtime(body),
            MonotonicUsec = BinaryPrimitives.ReadInt64LittleEndian(body[16..]),
            Message = message,
            Fields = Fields(body, fieldsStart),
        };
    }

    private IReadOnlyDictionary<string, string> Fields(ReadOnlySpan<byte> body, int fieldsStart)
    {
        // The boot id and the field entries (written last) identify the dictionary.
        var boot = body[24..40];
        var tail = fieldsStart < 0 ? ReadOnlySpan<byte>.Empty : body[fieldsStart..];
        if (_lastFields is not null && _lastExtras.Length == 16 + tail.Length
            && _lastExtras.AsSpan(0, 16).SequenceEqual(boot) && _lastExtras.AsSpan(16).SequenceEqual(tail))
            return _lastFields;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) {
            ["_BOOT_ID"] = Convert.ToHexStringLower(boot) };
        var at = 0;
        while (at + 5 <= tail.Length)
        {
            var n = BinaryPrimitives.ReadInt32LittleEndian(tail[(at + 1)..]);
            if (n < 0 || at + 5 + n > tail.Length) break;
            var entry = tail.Slice(at + 5, n);
            var eq = entry.IndexOf((byte)'=');
            if (tail[at] == JournalFileFormat.TagField && eq > 0)
                fields[Encoding.UTF8.GetString(entry[..eq])] = Encoding.UTF8.GetString(entry[(eq + 1)..]);
            at += 5 + n;
        }
        _lastExtras = [.. boot, .. tail];
        _lastFields = fields;
        return fields;
    }
}
