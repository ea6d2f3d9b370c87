using System.Globalization;

namespace Platform.Units.Calendar;

/// <summary>
/// The calendar event grammar of systemd.time(7), following systemd 252's calendarspec.c step by step
/// (weekdays, then date, then time, each optional) so that what it accepts, refuses and normalizes matches.
/// </summary>
internal static class CalendarParser
{
    private static readonly (string Name, int Day)[] DayNames =
    [
        ("Monday", 0), ("Mon", 0), ("Tuesday", 1), ("Tue", 1), ("Wednesday", 2), ("Wed", 2), ("Thursday", 3),
            ("Thu", 3),
        ("Friday", 4), ("Fri", 4), ("Saturday", 5), ("Sat", 5), ("Sunday", 6), ("Sun", 6),
    ];

    public static CalendarSpec Parse(string text)
        => TryParse(text, out var spec) ? spec : throw new FormatException(
            $"Failed to parse calendar specification '{text}': Invalid argument");

    public static bool TryParse(string? text, out CalendarSpec spec)
    {
        spec = new CalendarSpec();
        if (text is null) return false;
        try { return TryParseCore(text, spec); }
        catch (FormatException) { return false; }
        catch (OverflowException) { return false; }
    }

    private static bool TryParseCore(string text, CalendarSpec spec)
    {
        var p = text;
        if (p.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase))
        {
            spec.Utc = true;
            p = p[..^4];
        }
        else if (p.LastIndexOf(' ') is var space and >= 0 && IsTimeZone(p[(space + 1)..]))
        {
            spec.TimeZone = p[(space + 1)..];
            p = p[..space];
        }
        if (p.Length == 0) return false;
        var zero = Const(0);
        switch (p.ToLowerInvariant())
        {
            case "minutely":
                spec.Microsecond = zero;
                break;
            case "hourly":
                (spec.Minute, spec.Microsecond) = (zero, zero);
                break;
            case "daily":
                (spec.Hour, spec.Minute, spec.Microsecond) = (zero, zero, zero);
                break;
            case "monthly":
                (spec.Day, spec.Hour, spec.Minute, spec.Microsecond) = (Const(1), zero, zero, zero);
                break;
            case "annually" or "yearly":
                (spec.Month, spec.Day, spec.Hour, spec.Minute, spec.Microsecond) = (Const(1), Const(1), zero, zero,
                    zero);
                break;
            case "weekly":
                spec.Weekdays = 1;
                (spec.Hour, spec.Minute, spec.Microsecond) = (zero, zero, zero);
                break;
            case "quarterly":
                spec.Month = [new(1, -1, 0), new(4, -1, 0), new(7, -1, 0), new(10, -1, 0)];
                (spec.Day, spec.Hour, spec.Minute, spec.Microsecond) = (Const(1), zero, zero, zero);
                break;
            case "biannually" or "bi-annually" or "semiannually" or "semi-annually":
                spec.Month = [new(1, -1, 0), new(7, -1, 0)];
                (spec.Day, spec.Hour, spec.Minute, spec.Microsecond) = (Const(1), zero, zero, zero);
                break;
            default:
                var i = 0;
                spec.Weekdays = 0;
                if (!ParseWeekdays(p, ref i, spec)) return false;
                if (i > 0 && At(p, i) == '@') return false;
                if (!ParseDate(p, ref i, spec)) return false;
                if (p.StartsWith('@')) break;
                if (!ParseTime(p, ref i, spec)) return false;
                if (i != p.Length) return false;
                break;
        }
        Normalize(spec);
        return Valid(spec);
    }

    /// <summary>systemd's timezone_is_valid(): a plain IANA name with a zoneinfo file behind it.</summary>
    private static bool IsTimeZone(string name)
    {
        if (name.Length == 0 || name.StartsWith('/') || name.Contains("..", StringComparison.Ordinal)) return false;
        foreach (var ch in name)
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '/' or '-' or '_' or '+')) return false;
        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out _);
    }

    private static List<CalendarComponent> Const(int value) => [new(value, -1, 0)];

    private static char At(string p, int i) => i < p.Length ? p[i] : '\0';

    private static bool ParseWeekdays(string p, ref int i, CalendarSpec spec)
    {
        var l = -1;
        var first = true;
        while (true)
        {
            var found = -1;
            foreach (var (name, day) in DayNames)
            {
                if (string.Compare(p, i, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0
                    || p.Length - i < name.Length) continue;
                if (At(p, i + name.Length) is not ('\0' or '-' or '.' or ',' or ' ')) return false;
                spec.Weekdays |= 1 << day;
                if (l >= 0)
                {
                    if (l > day) return false;
                    for (var j = l + 1; j < day; j++) spec.Weekdays |= 1 << j;
                }
                i += name.Length;
                found = day;
                break;
            }
            if (found < 0) return first;
            if (At(p, i) == '\0') return true;
            if (At(p, i) == ' ')
            {
                SkipSpaces(p, ref i);
                return true;
            }
            if (At(p, i) == '.')
            {
                if (l >= 0 || At(p, i + 1) != '.') return false;
                l = found;
                i += 2;
            }
            else if (At(p, i) == '-')
            {
                if (l >= 0) return false;
                l = found;
                i++;
            }
            else if (At(p, i) == ',')
            {
                l = -1;
                i++;
            }
            // A trailing comma is allowed, an open range is not.
            if (At(p, i) is '\0' or ' ')
            {
                SkipSpaces(p, ref i);
                return l < 0;
            }
            first = false;
        }
    }

    private static void SkipSpaces(string p, ref int i)
    {
        while (At(p, i) == ' ') i++;
    }

    /// <summary>
    /// 2199-12-31 23:59:59 UTC: systemd 252 refuses <c>@</c> times from 2200 on (its calendar years end there).
    /// </summary>
    private const long MaxEpochSeconds = 7_258_118_399;

    private static bool ParseDate(string p, ref int i, CalendarSpec spec)
    {
        var t = i;
        if (At(p, t) == '\0') return true;
        if (At(p, t) == '@')
        {
            if (!long.TryParse(p.AsSpan(t + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                return false;
            // Found by fuzzing (fuzz/run.sh calendar): a time past year 9999 threw instead of being refused.
            if (seconds > MaxEpochSeconds) return false;
            var at = DateTime.UnixEpoch.AddSeconds(seconds);
            spec.Year = Const(at.Year);
            spec.Month = Const(at.Month);
            spec.Day = Const(at.Day);
            spec.Hour = Const(at.Hour);
            spec.Minute = Const(at.Minute);
            spec.Microsecond = Const(at.Second * CalendarSpec.UsecPerSec);
            spec.Utc = true;
            spec.TimeZone = null;
            i = p.Length;
            return true;
        }
        if (!ParseChain(p, ref t, false, out var first)) return false;
        // Already the end, or a ':': that was a time, not a date.
        if (At(p, t) is '\0' or ':') return true;
        if (At(p, t) == '~') spec.EndOfMonth = true;
        else if (At(p, t) != '-') return false;
        t++;
        if (!ParseChain(p, ref t, false, out var second)) return false;
        if (At(p, t) is '\0' or ' ')
        {
            SkipSpaces(p, ref t);
            i = t;
            (spec.Month, spec.Day) = (first, second);
            return true;
        }
        if (spec.EndOfMonth) return false;
        if (At(p, t) == '~') spec.EndOfMonth = true;
        else if (At(p, t) != '-') return false;
        t++;
        if (!ParseChain(p, ref t, false, out var third)) return false;
        if (At(p, t) is not ('\0' or ' ')) return false;
        SkipSpaces(p, ref t);
        i = t;
        (spec.Year, spec.Month, spec.Day) = (first, second, third);
        return true;
    }

    private static bool ParseTime(string p, ref int i, CalendarSpec spec)
    {
        var t = i;
        List<CalendarComponent>? hour, minute, second;
        if (At(p, t) == '\0')
        {
            // No time at all means 00:00:00.
            (spec.Hour, spec.Minute, spec.Microsecond) = (Const(0), Const(0), Const(0));
            return true;
        }
        if (!ParseChain(p, ref t, false, out hour) || At(p, t) != ':') return false;
        t++;
        if (!ParseChain(p, ref t, false, out minute)) return false;
        if (At(p, t) == '\0') second = Const(0);
        else
        {
            if (At(p, t) != ':') return false;
            t++;
            if (!ParseChain(p, ref t, true, out second) || At(p, t) != '\0') return false;
        }
        i = t;
        (spec.Hour, spec.Minute, spec.Microsecond) = (hour, minute, second);
        return true;
    }

    private static bool ParseChain(string p, ref int i, bool usec, out List<CalendarComponent>? chain)
    {
        chain = null;
        if (At(p, i) == '*')
        {
            // Seconds "*" are every full second; other components "*" match anything.
            if (usec) chain = [new(0, -1, CalendarSpec.UsecPerSec)];
            i++;
            return true;
        }
        var list = new List<CalendarComponent>();
        while (true)
        {
            if (list.Count > 2048) return false;
            if (!ParseDecimal(p, ref i, usec, out var start)) return false;
            int stop = -1, repeat = 0;
            if (At(p, i) == '.' && At(p, i + 1) == '.')
            {
                i += 2;
                if (!ParseDecimal(p, ref i, usec, out stop)) return false;
                repeat = usec ? CalendarSpec.UsecPerSec : 1;
            }
            if (At(p, i) == '/')
            {
                i++;
                if (!ParseDecimal(p, ref i, usec, out repeat) || repeat == 0) return false;
            }
            // Without a repetition, a seconds range finer than the default one second step is refused.
            else if (usec && stop >= 0 && start + repeat > stop) return false;
            if (At(p, i) is not ('\0' or ' ' or ',' or '-' or '~' or ':')) return false;
            list.Add(new CalendarComponent(start, stop, repeat));
            if (At(p, i) != ',') break;
            i++;
        }
        chain = list;
        return true;
    }

    private static bool ParseDecimal(string p, ref int i, bool usec, out int value)
    {
        value = 0;
        if (!char.IsAsciiDigit(At(p, i))) return false;
        long v = 0;
        while (char.IsAsciiDigit(At(p, i)))
        {
            v = checked(v * 10 + (p[i] - '0'));
            if (v > int.MaxValue) return false;
            i++;
        }
        if (usec)
        {
            v *= CalendarSpec.UsecPerSec;
            // One '.' is a decimal point, ".." a range.
            if (At(p, i) == '.' && At(p, i + 1) != '.')
            {
                i++;
                if (!char.IsAsciiDigit(At(p, i))) return false;
                long fraction = 0;
                var digits = 0;
                while (char.IsAsciiDigit(At(p, i)))
                {
                    if (digits < 6) fraction = fraction * 10 + (p[i] - '0');
                    else if (digits == 6 && p[i] >= '5') fraction++;
                    digits++;
                    i++;
                }
                for (; digits < 6; digits++) fraction *= 10;
                v += fraction;
            }
        }
        if (v > int.MaxValue) return false;
        value = (int)v;
        return true;
    }

    private static void Normalize(CalendarSpec spec)
    {
        if (spec.TimeZone == "UTC")
        {
            spec.Utc = true;
            spec.TimeZone = null;
        }
        if (spec.Weekdays <= 0 || spec.Weekdays >= 127) spec.Weekdays = -1;
        if (spec.EndOfMonth && spec.Day is null) spec.EndOfMonth = false;
        if (spec.Year is not null)
            spec.Year = spec.Year.Select(c => c with { Start = FixYear(c.Start), Stop = FixYear(c.Stop) }).ToList();
        spec.Year = NormalizeChain(spec.Year);
        spec.Month = NormalizeChain(spec.Month);
        spec.Day = NormalizeChain(spec.Day);
        spec.Hour = NormalizeChain(spec.Hour);
        spec.Minute = NormalizeChain(spec.Minute);
        spec.Microsecond = NormalizeChain(spec.Microsecond);
    }

    /// <summary>Two-digit years: 12 is 2012, 89 is 1989.</summary>
    private static int FixYear(int year) => year switch
    {
        >= 0 and < 70 => year + 2000,
        >= 70 and < 100 => year + 1900,
        _ => year,
    };

    private static List<CalendarComponent>? NormalizeChain(IReadOnlyList<CalendarComponent>? chain)
    {
        if (chain is null) return null;
        var list = new List<CalendarComponent>();
        foreach (var original in chain)
        {
            var c = original;
            // The range's length becomes a multiple of the repetition; a repetition that never fires is dropped.
            if (c.Stop > c.Start && c.Repeat > 0) c = c with { Stop = c.Stop - (c.Stop - c.Start) % c.Repeat };
            if ((c.Stop > c.Start && c.Start + c.Repeat > c.Stop) || c.Start == c.Stop)
                c = c with { Repeat = 0, Stop = -1 };
            list.Add(c);
        }
        list.Sort((a, b) =>
            a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Stop != b.Stop
            ? a.Stop.CompareTo(b.Stop) : a.Repeat.CompareTo(b.Repeat));
        return list.Where((c, k) => k == 0 || c != list[k - 1]).ToList();
    }

    private static bool Valid(CalendarSpec spec)
        => spec.Weekdays <= 127
            && ChainValid(spec.Year, CalendarSpec.MinYear, CalendarSpec.MaxYear, false)
            && ChainValid(spec.Month, 1, 12, false)
            && ChainValid(spec.Day, 1, 31, spec.EndOfMonth)
            && ChainValid(spec.Hour, 0, 23, false)
            && ChainValid(spec.Minute, 0, 59, false)
            && ChainValid(spec.Microsecond, 0, 60 * CalendarSpec.UsecPerSec - 1, false);

    private static bool ChainValid(IReadOnlyList<CalendarComponent>? chain, int from, int to, bool endOfMonth)
    {
        if (chain is null) return true;
        foreach (var c in chain)
        {
            if (c.Start < from || c.Start > to || c.Repeat > to - from) return false;
            if (c.Stop >= 0)
            {
                if (c.Stop < from || c.Stop > to || c.Start + c.Repeat > c.Stop) return false;
            }
            else if (endOfMonth ? c.Start - c.Repeat < from : (long)c.Start + c.Repeat > to) return false;
        }
        return true;
    }
}
