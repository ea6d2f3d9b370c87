using System.Globalization;
using System.Text;

namespace Platform.Abstractions;

/// <summary>Parsing and formatting of value syntaxes shared by unit files and systemctl output (systemd.syntax(7), systemd.time(7)).</summary>
public static class SystemdValues
{
    /// <summary>The time span used for <c>infinity</c>.</summary>
    public static readonly TimeSpan Infinity = TimeSpan.MaxValue;

    /// <summary>Parses systemd's boolean words (<c>1 yes y true t on</c> / <c>0 no n false f off</c>), case-insensitively.</summary>
    public static bool TryParseBoolean(string? text, out bool value)
    {
        value = false;
        if (text is null) return false;
        switch (text.Trim().ToLowerInvariant())
        {
            case "1": case "yes": case "y": case "true": case "t": case "on": value = true; return true;
            case "0": case "no": case "n": case "false": case "f": case "off": value = false; return true;
            default: return false;
        }
    }

    /// <summary>Parses a time span: a bare number means seconds; units from µs to years may be combined (<c>1min 30s</c>); <c>infinity</c> gives <see cref="Infinity"/>.</summary>
    public static bool TryParseTimeSpan(string? text, out TimeSpan value) => TryParseTimeSpan(text, 1_000_000, out value);

    /// <summary>Parses a time span whose bare numbers are in units of <paramref name="defaultUnitUsec"/> microseconds.</summary>
    public static bool TryParseTimeSpan(string? text, long defaultUnitUsec, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (text is null) return false;
        var s = text.Trim();
        if (s.Length == 0) return false;
        if (s.Equals("infinity", StringComparison.Ordinal)) { value = Infinity; return true; }
        double totalUsec = 0;
        var i = 0;
        var any = false;
        while (i < s.Length)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            if (i == s.Length) break;
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            if (start == i) return false;
            if (!double.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return false;
            while (i < s.Length && s[i] == ' ') i++;
            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && !char.IsWhiteSpace(s[i]) && s[i] != '.') i++;
            var unit = s.Substring(unitStart, i - unitStart);
            var factor = unit.Length == 0 ? defaultUnitUsec : UnitUsec(unit);
            if (factor < 0) return false;
            totalUsec += number * factor;
            any = true;
        }
        if (!any) return false;
        value = totalUsec >= TimeSpan.MaxValue.Ticks / 10.0 ? Infinity : TimeSpan.FromTicks((long)Math.Round(totalUsec * 10));
        return true;
    }

    private static long UnitUsec(string unit) => unit switch
    {
        "us" or "usec" or "µs" or "μs" => 1,
        "ms" or "msec" => 1_000,
        "s" or "sec" or "second" or "seconds" => 1_000_000,
        "m" or "min" or "minute" or "minutes" => 60_000_000,
        "h" or "hr" or "hour" or "hours" => 3_600_000_000,
        "d" or "day" or "days" => 86_400_000_000,
        "w" or "week" or "weeks" => 604_800_000_000,
        "M" or "month" or "months" => 2_629_800_000_000,
        "y" or "year" or "years" => 31_557_600_000_000,
        _ => -1,
    };

    private static readonly (long Usec, string Suffix)[] FormatTable =
    [
        (31_557_600_000_000, "y"), (2_629_800_000_000, "month"), (604_800_000_000, "w"), (86_400_000_000, "d"),
        (3_600_000_000, "h"), (60_000_000, "min"), (1_000_000, "s"), (1_000, "ms"), (1, "us"),
    ];

    /// <summary>Formats a time span as systemd's <c>show</c> does (<c>1min 30s</c>, <c>1.500000s</c>, <c>infinity</c>, <c>0</c>).</summary>
    public static string FormatTimeSpan(TimeSpan span)
    {
        if (span == Infinity) return "infinity";
        var t = span.Ticks / 10;
        if (t <= 0) return "0";
        var sb = new StringBuilder();
        foreach (var (usec, suffix) in FormatTable)
        {
            if (t <= 0) break;
            if (t < usec) continue;
            var a = t / usec;
            var b = t % usec;
            if (t < 60_000_000 && b > 0)
            {
                var digits = 0;
                for (var cc = usec; cc > 1; cc /= 10) digits++;
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(a.ToString(CultureInfo.InvariantCulture)).Append('.')
                  .Append(b.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')).Append(suffix);
                t = 0;
                break;
            }
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(a.ToString(CultureInfo.InvariantCulture)).Append(suffix);
            t = b;
        }
        return sb.ToString();
    }

    /// <summary>Splits a value into words at whitespace, removing double or single quotes and resolving C-style backslash escapes.</summary>
    public static IReadOnlyList<string> SplitWords(string value)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (quote != '\0')
            {
                if (c == quote) { quote = '\0'; continue; }
                if (c == '\\' && i + 1 < value.Length) { sb.Append(Unescape(value[++i])); continue; }
                sb.Append(c);
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (inWord) { words.Add(sb.ToString()); sb.Clear(); inWord = false; }
                continue;
            }
            inWord = true;
            if (c is '"' or '\'') { quote = c; continue; }
            if (c == '\\' && i + 1 < value.Length) { sb.Append(Unescape(value[++i])); continue; }
            sb.Append(c);
        }
        if (inWord) words.Add(sb.ToString());
        return words;
    }

    private static char Unescape(char c) => c switch
    {
        'n' => '\n', 't' => '\t', 'r' => '\r', 'a' => '\a', 'b' => '\b', 'f' => '\f', 'v' => '\v', 's' => ' ',
        _ => c,
    };
}
