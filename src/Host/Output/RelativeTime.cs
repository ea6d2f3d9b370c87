namespace Platform.Host.Output;

/// <summary>
/// systemd's format_timestamp_relative(): "5min 3s left", "1 day 2h ago", "11 months 1 day ago", "now".
/// </summary>
internal static class RelativeTime
{
    private const long Sec = 1_000_000, Min = 60 * Sec, Hour = 60 * Min, Day = 24 * Hour, Week = 7 * Day;
    private const long Month = 2_629_800 * Sec, Year = 31_557_600 * Sec;

    public static string Format(long usec, long nowUsec)
    {
        var (d, s) = nowUsec > usec ? (nowUsec - usec, "ago") : (usec - nowUsec, "left");
        static string Plural(long n, string one, string many) => n == 1 ? one : many;
        if (d >= Year)
        {
            long years = d / Year, months = d % Year / Month;
            return $"{years} {Plural(years, "year", "years")} {months} {Plural(months, "month", "months")} {s}";
        }
        if (d >= Month)
        {
            long months = d / Month, days = d % Month / Day;
            return $"{months} {Plural(months, "month", "months")} {days} {Plural(days, "day", "days")} {s}";
        }
        if (d >= Week) return $"{d / Week}w {d % Week / Day}d {s}";
        if (d >= 2 * Day) return $"{d / Day}d {s}";
        if (d >= 25 * Hour) return $"1d {(d - Day) / Hour}h {s}";
        if (d >= 6 * Hour) return $"{d / Hour}h {s}";
        if (d >= Hour) return $"{d / Hour}h {d % Hour / Min}min {s}";
        if (d >= 5 * Min) return $"{d / Min}min {s}";
        if (d >= Min) return $"{d / Min}min {d % Min / Sec}s {s}";
        if (d >= Sec) return $"{d / Sec}s {s}";
        if (d >= 1000) return $"{d / 1000}ms {s}";
        return d > 0 ? $"{d}us {s}" : "now";
    }
}
