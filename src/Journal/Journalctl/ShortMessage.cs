namespace Platform.Journal.Journalctl;

/// <summary>
/// How the short formats print a message, as systemd 252's journalctl does: carriage returns at line ends are
/// dropped, ANSI color (<c>ESC[...m</c>) and title (<c>ESC]...BEL</c>) sequences are removed, tabs become eight
/// spaces, a final newline adds no line; any other control character or invalid UTF-8 makes the whole message
/// <c>[NB blob data]</c> unless <c>--all</c>.
/// </summary>
internal static class ShortMessage
{
    public static void Append(ByteBuffer o, ReadOnlySpan<byte> message, int indent, bool all)
    {
        if (!all && !IsShowable(message))
        {
            o.Append($"[{FormatBytes(message.Length)} blob data]");
            return;
        }
        if (!message.IsEmpty && message[^1] == (byte)'\n') message = message[..^1];
        var first = true;
        foreach (var range in message.Split((byte)'\n'))
        {
            if (!first)
            {
                o.Append((byte)'\n');
                o.Spaces(indent);
            }
            first = false;
            var line = message[range].TrimEnd((byte)'\r');
            while (!line.IsEmpty)
            {
                var special = line.IndexOfAny((byte)'\t', (byte)0x1b);
                if (special < 0)
                {
                    o.Append(line);
                    break;
                }
                o.Append(line[..special]);
                if (line[special] == (byte)'\t')
                {
                    o.Spaces(8);
                    line = line[(special + 1)..];
                    continue;
                }
                var skip = EscapeLength(line[special..]);
                if (skip == 0) o.Append(line[special]);
                line = line[(special + Math.Max(skip, 1))..];
            }
        }
    }

    private static bool IsShowable(ReadOnlySpan<byte> message)
    {
        if (!System.Text.Unicode.Utf8.IsValid(message)) return false;
        for (var i = 0; i < message.Length; i++)
        {
            var b = message[i];
            if (b == 0x1b && EscapeLength(message[i..]) is var n and > 0)
            {
                i += n - 1;
                continue;
            }
            if (b == (byte)'\r')
            {
                var j = i;
                while (j < message.Length && message[j] == (byte)'\r') j++;
                if (j == message.Length || message[j] == (byte)'\n')
                {
                    i = j - 1;
                    continue;
                }
                return false;
            }
            if ((b < 0x20 && b != (byte)'\t' && b != (byte)'\n') || b == 0x7f) return false;
            if (b == 0xc2 && i + 1 < message.Length && message[i + 1] is >= 0x80 and <= 0x9f) return false;
        }
        return true;
    }

    /// <summary>
    /// The length of an SGR (<c>ESC [ digits;... m</c>) or OSC (<c>ESC ] ... BEL</c> or <c>ESC ] ... ESC \</c>)
    /// sequence, or 0.
    /// </summary>
    private static int EscapeLength(ReadOnlySpan<byte> s)
    {
        if (s.Length < 2 || s[0] != 0x1b) return 0;
        if (s[1] == (byte)'[')
        {
            for (var i = 2; i < s.Length; i++)
            {
                var c = s[i];
                if (c == (byte)'m') return i + 1;
                if (!(char.IsAsciiDigit((char)c) || c == (byte)';' || c == (byte)':')) return 0;
            }
            return 0;
        }
        if (s[1] == (byte)']')
            for (var i = 2; i < s.Length; i++)
            {
                if (s[i] == 0x07) return i + 1;
                if (s[i] == 0x1b && i + 1 < s.Length && s[i + 1] == (byte)'\\') return i + 2;
            }
        return 0;
    }

    /// <summary>systemd's format_bytes: <c>7B</c>, <c>1.5K</c>, <c>48.0K</c>, <c>2.3M</c>.</summary>
    private static string FormatBytes(long bytes)
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
