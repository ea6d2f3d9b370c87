using System.Globalization;
using System.Text;

namespace Platform.Units;

/// <summary>
/// The string escaping of systemd.unit(5) ("String escaping for inclusion in unit names"), as systemd-escape does it.
/// </summary>
public static class UnitNameEscaping
{
    /// <summary>
    /// Escapes a string: <c>/</c> becomes <c>-</c>, other characters outside <c>[A-Za-z0-9:_.]</c> become <c>\xNN</c>,
    /// a leading dot too.
    /// </summary>
    public static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        var bytes = Encoding.UTF8.GetBytes(value);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == '/') sb.Append('-');
            else if ((b == '.' && i == 0) || !(char.IsAsciiLetterOrDigit((char)b) || b is (byte)':' or (byte)'_'
                or (byte)'.'))
                sb.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append((char)b);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Escapes an absolute path: duplicate, leading and trailing slashes dropped, <c>/</c> alone becomes <c>-</c>.
    /// </summary>
    public static string EscapePath(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? "-" : Escape(string.Join('/', parts));
    }

    /// <summary>Reverses <see cref="Escape"/>: <c>-</c> becomes <c>/</c> and <c>\xNN</c> the byte it encodes.</summary>
    public static string Unescape(string value)
    {
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '-') { bytes.Add((byte)'/'); continue; }
            if (c == '\\' && i + 3 < value.Length && value[i + 1] == 'x'
                && byte.TryParse(value.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture,
                    out var b))
            {
                bytes.Add(b);
                i += 3;
                continue;
            }
            bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>
    /// Reverses <see cref="EscapePath"/>: the result always starts with <c>/</c> (<c>-</c> alone is <c>/</c>).
    /// </summary>
    public static string UnescapePath(string value)
    {
        if (value == "-") return "/";
        var s = Unescape(value);
        return s.StartsWith('/') ? s : "/" + s;
    }
}
