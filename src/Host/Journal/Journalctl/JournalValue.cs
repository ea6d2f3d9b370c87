using System.Buffers;
using System.Text.Unicode;

namespace Platform.Host.Journal.Journalctl;

/// <summary>How journalctl decides between text and bytes: printable UTF-8 (newline and tab allowed) is text.</summary>
internal static class JournalValue
{
    private static readonly SearchValues<byte> JsonSpecial = SearchValues.Create("\"\\\n\t"u8);

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

    /// <summary>Appends a JSON string of printable bytes, escaping quote, backslash, newline and tab.</summary>
    public static void JsonString(OutputBuffer output, ReadOnlySpan<byte> value)
    {
        output.Append((byte)'"');
        while (true)
        {
            var i = value.IndexOfAny(JsonSpecial);
            if (i < 0) break;
            output.Append(value[..i]);
            output.Append(value[i] switch { (byte)'"' => "\\\""u8, (byte)'\\' => "\\\\"u8, (byte)'\n' => "\\n"u8,
                _ => "\\t"u8 });
            value = value[(i + 1)..];
        }
        output.Append(value);
        output.Append((byte)'"');
    }

    /// <summary>systemd's format_bytes: <c>7B</c>, <c>1.5K</c>, <c>48.0K</c>, <c>2.3M</c>.</summary>
    public static string FormatBytes(long bytes)
    {
        string[] units = ["K", "M", "G", "T", "P", "E"];
        for (var i = units.Length - 1; i >= 0; i--)
        {
            var factor = 1L << (10 * (i + 1));
            if (bytes < factor) continue;
            var tenths = bytes / (factor / 1024) * 10 / 1024 % 10;
            return $"{bytes / factor}.{tenths}{units[i]}";
        }
        return $"{bytes}B";
    }
}
