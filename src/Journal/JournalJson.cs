using System.Buffers;
using System.Text.Unicode;

namespace Platform.Journal;

/// <summary>
/// Field values the way <c>journalctl -o json</c> writes them: a JSON string when the bytes are printable UTF-8
/// (tab and newline allowed), otherwise an array of the byte values.
/// </summary>
public static class JournalJson
{
    private static readonly SearchValues<byte> Special = SearchValues.Create("\"\\\n\t"u8);

    /// <summary>
    /// Valid UTF-8 without control characters other than tab and (when allowed) newline; C1 controls count as control.
    /// </summary>
    public static bool IsPrintable(ReadOnlySpan<byte> value, bool allowNewline = true)
    {
        var first = value.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7e);
        if (first < 0) return true;
        if (!Utf8.IsValid(value)) return false;
        for (var i = first; i < value.Length; i++)
        {
            var b = value[i];
            if (b < 0x20 && b != (byte)'\t' && !(b == (byte)'\n' && allowNewline)) return false;
            if (b == 0x7f) return false;
            if (b == 0xc2 && i + 1 < value.Length && value[i + 1] is >= 0x80 and <= 0x9f) return false;
        }
        return true;
    }

    /// <summary>Appends <c>"NAME":</c>.</summary>
    public static void Name(ByteBuffer output, ReadOnlySpan<byte> name)
    {
        output.Append((byte)'"');
        output.Append(name);
        output.Append("\":"u8);
    }

    /// <summary>Appends the value as a string or, when not printable, as an array of byte numbers.</summary>
    public static void Value(ByteBuffer output, ReadOnlySpan<byte> value)
    {
        if (IsPrintable(value))
        {
            Quoted(output, value);
            return;
        }
        output.Append((byte)'[');
        for (var i = 0; i < value.Length; i++)
        {
            if (i > 0) output.Append((byte)',');
            output.Append((long)value[i]);
        }
        output.Append((byte)']');
    }

    /// <summary>Appends a JSON string of printable bytes, escaping quote, backslash, newline and tab.</summary>
    public static void Quoted(ByteBuffer output, ReadOnlySpan<byte> value)
    {
        output.Append((byte)'"');
        while (true)
        {
            var i = value.IndexOfAny(Special);
            if (i < 0) break;
            output.Append(value[..i]);
            output.Append(value[i] switch { (byte)'"' => "\\\""u8, (byte)'\\' => "\\\\"u8, (byte)'\n' => "\\n"u8,
                _ => "\\t"u8 });
            value = value[(i + 1)..];
        }
        output.Append(value);
        output.Append((byte)'"');
    }
}
