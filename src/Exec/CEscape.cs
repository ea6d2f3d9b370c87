using System.Globalization;
using System.Text;

namespace Platform.Exec;

/// <summary>
/// C-style escapes as systemd.syntax(7) lists them for command lines: <c>\a \b \f \n \r \t \v \\ \" \' \s</c>,
/// <c>\xNN</c>, <c>\NNN</c> (octal), <c>\uNNNN</c>, <c>\UNNNNNNNN</c>. An unknown or NUL-producing escape is kept
/// literally (backslash included), as systemd does after warning.
/// </summary>
internal static class CEscape
{
    /// <summary>
    /// Decodes the escape starting after the backslash at <paramref name="index"/>; returns how many characters after
    /// the backslash it used, or 0 when invalid.
    /// </summary>
    public static int TryDecode(string text, int index, StringBuilder output)
    {
        var c = text[index];
        switch (c)
        {
            case 'a': output.Append('\a'); return 1;
            case 'b': output.Append('\b'); return 1;
            case 'f': output.Append('\f'); return 1;
            case 'n': output.Append('\n'); return 1;
            case 'r': output.Append('\r'); return 1;
            case 't': output.Append('\t'); return 1;
            case 'v': output.Append('\v'); return 1;
            case 's': output.Append(' '); return 1;
            case '\\': case '"': case '\'': output.Append(c); return 1;
            case 'x': return Hex(text, index + 1, 2, output) ? 3 : 0;
            case 'u': return Hex(text, index + 1, 4, output) ? 5 : 0;
            case 'U': return Hex(text, index + 1, 8, output) ? 9 : 0;
        }
        if (c is >= '0' and <= '7' && index + 2 < text.Length && IsOctal(text[index + 1]) && IsOctal(text[index + 2]))
        {
            var value = (c - '0') * 64 + (text[index + 1] - '0') * 8 + (text[index + 2] - '0');
            if (value is 0 or > 255) return 0;
            output.Append((char)value);
            return 3;
        }
        return 0;
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';

    private static bool Hex(string text, int start, int digits, StringBuilder output)
    {
        if (start + digits > text.Length) return false;
        if (!uint.TryParse(text.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture,
            out var value)) return false;
        if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return false;
        output.Append(char.ConvertFromUtf32((int)value));
        return true;
    }
}
