using System.Buffers.Binary;
using Platform.Abstractions;

namespace Platform.Journal.Journalctl;

/// <summary>
/// The field-by-field formats: <c>json</c> (one object per line), <c>json-pretty</c>, <c>json-sse</c>,
/// <c>json-seq</c> and <c>export</c>. JSON values are strings, byte arrays for values that are not printable, and
/// null for fields over 4096 bytes unless <c>--all</c>; export writes such values in its binary form.
/// </summary>
internal sealed class StructuredFormatter
{
    private const int JsonThreshold = 4096;

    private readonly OutputMode _mode;
    private readonly bool _all;
    private readonly string _defaultHost;

    public StructuredFormatter(OutputMode mode, bool all, string defaultHost)
    {
        _mode = mode;
        _all = all;
        _defaultHost = defaultHost;
    }

    public void Format(ByteBuffer o, LogRecord record)
    {
        var fields = EntryFields.Of(record, _defaultHost);
        if (_mode == OutputMode.Export)
        {
            Export(o, fields);
            return;
        }
        var pretty = _mode == OutputMode.JsonPretty;
        if (_mode == OutputMode.JsonSeq) o.Append((byte)0x1e);
        if (_mode == OutputMode.JsonSse) o.Append("data: "u8);
        o.Append(pretty ? "{\n"u8 : "{"u8);
        for (var i = 0; i < fields.Count; i++)
        {
            var (name, value) = fields[i];
            if (i > 0) o.Append(pretty ? ",\n"u8 : ","u8);
            if (pretty) o.Append((byte)'\t');
            o.Append((byte)'"');
            o.Append(name);
            o.Append(pretty ? "\" : "u8 : "\":"u8);
            if (!_all && name.Length + 1 + value.Length > JsonThreshold) o.Append("null"u8);
            else if (JournalJson.IsPrintable(value)) JournalJson.Quoted(o, value);
            else ByteArray(o, value, pretty);
        }
        o.Append(pretty ? "\n}\n"u8 : "}\n"u8);
        if (_mode == OutputMode.JsonSse) o.Append((byte)'\n');
    }

    private static void ByteArray(ByteBuffer o, ReadOnlySpan<byte> value, bool pretty)
    {
        o.Append((byte)'[');
        for (var i = 0; i < value.Length; i++)
        {
            if (i > 0) o.Append((byte)',');
            if (pretty) o.Append("\n\t\t"u8);
            o.Append((long)value[i]);
        }
        o.Append(pretty ? "\n\t]"u8 : "]"u8);
    }

    private static void Export(ByteBuffer o, List<KeyValuePair<string, byte[]>> fields)
    {
        Span<byte> length = stackalloc byte[8];
        foreach (var (name, value) in fields)
        {
            o.Append(name);
            if (JournalJson.IsPrintable(value, allowNewline: false))
            {
                o.Append((byte)'=');
                o.Append(value);
            }
            else
            {
                o.Append((byte)'\n');
                BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)value.Length);
                o.Append(length);
                o.Append(value);
            }
            o.Append((byte)'\n');
        }
        o.Append((byte)'\n');
    }
}
