using System.Globalization;
using System.Text;

namespace Platform.Abstractions;

/// <summary>
/// Parsing and formatting of value syntaxes shared by unit files and systemctl output (systemd.syntax(7),
/// systemd.time(7)).
/// </summary>
public static class SystemdValues
{
    /// <summary>The time span used for <c>infinity</c>.</summary>
    public static readonly TimeSpan Infinity = TimeSpan.MaxValue;

    /// <summary>
    /// systemd's built-in <c>DefaultTimeoutStartSec=</c> and <c>DefaultTimeoutStopSec=</c> (systemd-system.conf(5)):
    /// the one definition of "90 s" that unit timeouts, the manager's configuration and the init's shutdown use.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Parses systemd's boolean words (<c>1 yes y true t on</c> / <c>0 no n false f off</c>), case-insensitively.
    /// </summary>
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

    /// <summary>
    /// Parses a time span: a bare number means seconds; units from µs to years may be combined (<c>1min 30s</c>);
    /// <c>infinity</c> gives <see cref="Infinity"/>.
    /// </summary>
    public static bool TryParseTimeSpan(string? text, out TimeSpan value) =>
        TryParseTimeSpan(text, 1_000_000, out value);

    /// <summary>
    /// Parses a time span whose bare numbers are in units of <paramref name="defaultUnitUsec"/> microseconds.
    /// </summary>
    public static bool TryParseTimeSpan(string? text, long defaultUnitUsec, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (!TryParseUsec(text, (ulong)Math.Max(1, defaultUnitUsec), out var usec)) return false;
        value = FromUsec(usec);
        return true;
    }

    /// <summary>systemd's <c>USEC_INFINITY</c>.</summary>
    public const ulong UsecInfinity = ulong.MaxValue;

    /// <summary>
    /// A microsecond count as a time span; <see cref="UsecInfinity"/> and anything beyond what a TimeSpan holds
    /// (about 29,000 years) become <see cref="Infinity"/>, so no caller has to guard against overflow.
    /// </summary>
    public static TimeSpan FromUsec(ulong usec)
        => usec >= (ulong)(TimeSpan.MaxValue.Ticks / 10) ? Infinity : TimeSpan.FromTicks((long)usec * 10);

    /// <summary>
    /// systemd's <c>parse_time()</c> (systemd 252, time-util.c), to the letter: whitespace-separated numbers with
    /// optional fractions and unit suffixes matched by prefix in systemd's table order, <c>infinity</c> alone,
    /// no sign but <c>+</c>, and out-of-range sums refused rather than wrapped.
    /// </summary>
    public static bool TryParseUsec(string? text, ulong defaultUnitUsec, out ulong usec)
    {
        usec = 0;
        if (text is null || defaultUnitUsec == 0) return false;
        var p = SkipWhitespace(text, 0);
        if (string.CompareOrdinal(text, p, "infinity", 0, 8) == 0 && p + 8 <= text.Length)
        {
            if (SkipWhitespace(text, p + 8) != text.Length) return false;
            usec = UsecInfinity;
            return true;
        }
        ulong total = 0;
        var something = false;
        while (true)
        {
            p = SkipWhitespace(text, p);
            if (p == text.Length)
            {
                if (!something) return false;
                break;
            }
            if (text[p] == '-') return false; // systemd refuses "-0" too
            if (!TryStrtoll(text, p, out var number, out var e)) return false;
            if (number < 0) return false;
            var hasFraction = e < text.Length && text[e] == '.';
            if (hasFraction)
            {
                p = e + 1;
                while (p < text.Length && char.IsAsciiDigit(text[p])) p++;
            }
            else if (e == p)
            {
                return false;
            }
            else
            {
                p = e;
            }
            var afterSpace = p;
            while (afterSpace < text.Length && text[afterSpace] is ' ' or '\t' or '\n' or '\r') afterSpace++;
            var multiplier = defaultUnitUsec;
            var s = ExtractMultiplier(text, afterSpace, ref multiplier);
            // Don't allow '12.34.56', but accept '12.34 .56' or '12.34s.56'.
            if (s == p && s < text.Length) return false;
            p = s;
            if ((ulong)number >= UsecInfinity / multiplier) return false;
            var k = (ulong)number * multiplier;
            if (k >= UsecInfinity - total) return false;
            total += k;
            something = true;
            if (hasFraction)
            {
                var m = multiplier / 10;
                var b = e + 1;
                for (; b < text.Length && char.IsAsciiDigit(text[b]); b++, m /= 10)
                {
                    k = (ulong)(text[b] - '0') * m;
                    if (k >= UsecInfinity - total) return false;
                    total += k;
                }
                // Don't allow "0.-0", "3.+1", "3. 1", "3.sec" or "3.hoge".
                if (b == e + 1) return false;
            }
        }
        usec = total;
        return true;
    }

    private static int SkipWhitespace(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\r') i++;
        return i;
    }

    /// <summary>
    /// C's <c>strtoll(p, &amp;e, 10)</c>: leading isspace, an optional sign, digits; false on overflow (ERANGE).
    /// </summary>
    private static bool TryStrtoll(string text, int start, out long value, out int end)
    {
        value = 0;
        end = start;
        var i = start;
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r') i++;
        var negative = false;
        if (i < text.Length && text[i] is '+' or '-') { negative = text[i] == '-'; i++; }
        var digits = i;
        decimal magnitude = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            magnitude = magnitude * 10 + (text[i] - '0');
            if (magnitude > (decimal)long.MaxValue + 1) return false;
            i++;
        }
        if (i == digits) return true; // no conversion: end stays at start
        if (negative ? magnitude > (decimal)long.MaxValue + 1 : magnitude > long.MaxValue) return false;
        value = negative ? (long)-magnitude : (long)magnitude;
        end = i;
        return true;
    }

    // systemd's table, in its order: the first suffix that prefixes the text wins ("5ms" is msec, "5m" minutes).
    private static readonly (string Suffix, ulong Usec)[] Multipliers =
    [
        ("seconds", 1_000_000), ("second", 1_000_000), ("sec", 1_000_000), ("s", 1_000_000),
        ("minutes", 60_000_000), ("minute", 60_000_000), ("min", 60_000_000),
        ("months", 2_629_800_000_000), ("month", 2_629_800_000_000), ("M", 2_629_800_000_000),
        ("msec", 1_000), ("ms", 1_000), ("m", 60_000_000),
        ("hours", 3_600_000_000), ("hour", 3_600_000_000), ("hr", 3_600_000_000), ("h", 3_600_000_000),
        ("days", 86_400_000_000), ("day", 86_400_000_000), ("d", 86_400_000_000),
        ("weeks", 604_800_000_000), ("week", 604_800_000_000), ("w", 604_800_000_000),
        ("years", 31_557_600_000_000), ("year", 31_557_600_000_000), ("y", 31_557_600_000_000),
        ("usec", 1), ("us", 1), ("\u03bcs", 1), ("\u00b5s", 1),
    ];

    private static int ExtractMultiplier(string text, int p, ref ulong multiplier)
    {
        foreach (var (suffix, usec) in Multipliers)
        {
            if (string.CompareOrdinal(text, p, suffix, 0, suffix.Length) != 0 || p + suffix.Length > text.Length)
                continue;
            multiplier = usec;
            return p + suffix.Length;
        }
        return p;
    }

    private static readonly (long Usec, string Suffix)[] FormatTable =
    [
        (31_557_600_000_000, "y"), (2_629_800_000_000, "month"), (604_800_000_000, "w"), (86_400_000_000, "d"),
        (3_600_000_000, "h"), (60_000_000, "min"), (1_000_000, "s"), (1_000, "ms"), (1, "us"),
    ];

    /// <summary>
    /// Formats a time span as systemd's <c>show</c> does (<c>1min 30s</c>, <c>1.500000s</c>, <c>infinity</c>,
    /// <c>0</c>).
    /// </summary>
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

    /// <summary>
    /// Splits a value into words at whitespace, removing double or single quotes and resolving C-style backslash
    /// escapes.
    /// </summary>
    public static IReadOnlyList<string> SplitWords(string value)
    {
        SplitWords(value, out var words);
        return words;
    }

    /// <summary>
    /// Like <see cref="SplitWords(string)"/>; false when a quote is left open, which systemd's word splitting refuses
    /// (EINVAL: "Unbalanced quoting"). The words up to that point are still returned.
    /// </summary>
    public static bool SplitWords(string value, out IReadOnlyList<string> result)
    {
        var words = new List<string>();
        result = words;
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
        return quote == '\0';
    }

    private static char Unescape(char c) => c switch
    {
        'n' => '\n', 't' => '\t', 'r' => '\r', 'a' => '\a', 'b' => '\b', 'f' => '\f', 'v' => '\v', 's' => ' ',
        _ => c,
    };
}
