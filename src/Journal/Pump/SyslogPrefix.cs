namespace Platform.Journal.Pump;

/// <summary>
/// The <c>&lt;N&gt;</c> level prefix of stdout streams (sd-daemon(3)): one to three digits whose value is a level
/// 0-7; anything else (a facility, <c>&lt;8&gt;</c>, <c>&lt;13&gt;</c>) is left in the message, as journald does.
/// </summary>
internal static class SyslogPrefix
{
    /// <summary>The level of a leading prefix and the prefix's length, or -1 when the line has none.</summary>
    public static int Parse(ReadOnlySpan<byte> line, out int length)
    {
        length = 0;
        if (line.Length < 3 || line[0] != (byte)'<') return -1;
        var close = line[..Math.Min(line.Length, 5)].IndexOf((byte)'>');
        if (close < 2) return -1;
        var value = 0;
        for (var i = 1; i < close; i++)
        {
            var d = line[i] - '0';
            if ((uint)d > 9) return -1;
            value = value * 10 + d;
        }
        if (value > 7) return -1;
        length = close + 1;
        return value;
    }
}
