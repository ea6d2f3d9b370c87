using System.Globalization;

namespace Platform.Journal.Journalctl;

/// <summary>
/// systemd time spans (<c>5min</c>, <c>1h 30min</c>, <c>1.5h</c>, <c>2 weeks</c>); a bare number is seconds.
/// </summary>
internal static class TimeSpanParser
{
    private static readonly (string Unit, double Usec)[] Units =
    [
        ("usec", 1), ("us", 1), ("µs", 1), ("msec", 1e3), ("ms", 1e3),
        ("seconds", 1e6), ("second", 1e6), ("sec", 1e6), ("s", 1e6),
        ("minutes", 60e6), ("minute", 60e6), ("min", 60e6), ("months", 2629800e6), ("month", 2629800e6), ("m", 60e6),
        ("hours", 3600e6), ("hour", 3600e6), ("hr", 3600e6), ("h", 3600e6),
        ("days", 86400e6), ("day", 86400e6), ("d", 86400e6), ("weeks", 604800e6), ("week", 604800e6), ("w", 604800e6),
        ("M", 2629800e6), ("years", 31557600e6), ("year", 31557600e6), ("y", 31557600e6),
    ];

    public static long? ParseUsec(string text)
    {
        var s = text.Trim();
        if (s.Length == 0) return null;
        double total = 0;
        var i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && s[i] == ' ') i++;
            if (i >= s.Length) break;
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            if (i == start || !double.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var number))
                return null;
            while (i < s.Length && s[i] == ' ') i++;
            var unitStart = i;
            while (i < s.Length && (char.IsLetter(s[i]) || s[i] == 'µ')) i++;
            var unit = s[unitStart..i];
            if (unit.Length == 0)
            {
                total += number * 1e6;
                continue;
            }
            var factor = Factor(unit);
            if (factor is null) return null;
            total += number * factor.Value;
        }
        return (long)total;
    }

    private static double? Factor(string unit)
    {
        // "M" is months, "m" minutes: match case-sensitively first.
        foreach (var (name, usec) in Units) if (name == unit) return usec;
        foreach (var (name, usec) in Units)
            if (string.Equals(name, unit, StringComparison.OrdinalIgnoreCase) && name != "M") return usec;
        return null;
    }
}
