using System.Buffers.Binary;
using System.Text;
using Platform.Abstractions;

namespace Platform.LogSinks.FileJournal;

/// <summary>Appends records in <see cref="JournalFileFormat"/> to a growable buffer.</summary>
internal sealed class RecordEncoder
{
    private byte[] _buffer = new byte[64 * 1024];
    private IReadOnlyDictionary<string, string>? _lastFields;
    private byte[] _lastFieldBytes = [];

    public int Length { get; private set; }
    public ReadOnlySpan<byte> Data => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    /// <summary>
    /// Forgets the first <paramref name="count"/> bytes (whole records already written), keeping the rest.
    /// </summary>
    public void DropFront(int count)
    {
        _buffer.AsSpan(count, Length - count).CopyTo(_buffer);
        Length -= count;
    }

    /// <summary>Encodes one record; returns its size in bytes.</summary>
    public int Append(LogRecord record, ReadOnlySpan<byte> bootId, string hostname)
    {
        var fields = FieldBytes(record.Fields);
        var bodySize = JournalFileFormat.FixedBodySize
            + TagSize(record.Unit) + TagSize(record.Identifier) + TagSize(hostname) + TagSize(record.Stream)
            + 5 + record.Message.Length + fields.Length;
        var total = bodySize + JournalFileFormat.RecordOverhead;
        Ensure(total);
        var span = _buffer.AsSpan(Length, total);
        BinaryPrimitives.WriteInt32LittleEndian(span, bodySize);
        var body = span.Slice(4, bodySize);
        body[0] = JournalFileFormat.Version;
        body[1] = (byte)Math.Clamp(record.Priority, 0, 7);
        body[2] = body[3] = 0;
        BinaryPrimitives.WriteInt32LittleEndian(body[4..], record.Pid);
        BinaryPrimitives.WriteInt64LittleEndian(body[8..], record.RealtimeUsec);
        BinaryPrimitives.WriteInt64LittleEndian(body[16..], record.MonotonicUsec);
        bootId.CopyTo(body[24..40]);
        var at = JournalFileFormat.FixedBodySize;
        at = PutString(body, at, JournalFileFormat.TagUnit, record.Unit);
        at = PutString(body, at, JournalFileFormat.TagIdentifier, record.Identifier);
        at = PutString(body, at, JournalFileFormat.TagHostname, hostname);
        at = PutString(body, at, JournalFileFormat.TagStream, record.Stream);
        at = Put(body, at, JournalFileFormat.TagMessage, record.Message);
        fields.CopyTo(body[at..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(4 + bodySize)..], JournalFileFormat.Checksum(body));
        BinaryPrimitives.WriteInt32LittleEndian(span[(8 + bodySize)..], bodySize);
        Length += total;
        return total;
    }

    /// <summary>
    /// The encoded extra fields; a stream's records share one dictionary, so the last encoding is reused.
    /// </summary>
    private ReadOnlySpan<byte> FieldBytes(IReadOnlyDictionary<string, string>? fields)
    {
        if (fields is null || fields.Count == 0) return default;
        if (ReferenceEquals(fields, _lastFields)) return _lastFieldBytes;
        var size = 0;
        foreach (var (k, v) in fields) size += 5 + Encoding.UTF8.GetByteCount(k) + 1 + Encoding.UTF8.GetByteCount(v);
        var bytes = new byte[size];
        var at = 0;
        foreach (var (k, v) in fields)
        {
            var n = Encoding.UTF8.GetByteCount(k) + 1 + Encoding.UTF8.GetByteCount(v);
            bytes[at] = JournalFileFormat.TagField;
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at + 1), n);
            var w = at + 5 + Encoding.UTF8.GetBytes(k, bytes.AsSpan(at + 5));
            bytes[w++] = (byte)'=';
            Encoding.UTF8.GetBytes(v, bytes.AsSpan(w));
            at += 5 + n;
        }
        _lastFields = fields;
        _lastFieldBytes = bytes;
        return bytes;
    }

    private static int TagSize(string? s) => s is null ? 0 : 5 + Encoding.UTF8.GetByteCount(s);

    private static int PutString(Span<byte> body, int at, byte tag, string? value)
    {
        if (value is null) return at;
        body[at] = tag;
        var n = Encoding.UTF8.GetBytes(value, body[(at + 5)..]);
        BinaryPrimitives.WriteInt32LittleEndian(body[(at + 1)..], n);
        return at + 5 + n;
    }

    private static int Put(Span<byte> body, int at, byte tag, ReadOnlySpan<byte> value)
    {
        body[at] = tag;
        BinaryPrimitives.WriteInt32LittleEndian(body[(at + 1)..], value.Length);
        value.CopyTo(body[(at + 5)..]);
        return at + 5 + value.Length;
    }

    private void Ensure(int more)
    {
        if (Length + more <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + more));
    }
}
