using System.Globalization;

namespace Platform.Journal.Journalctl;

/// <summary>
/// The timestamps <c>--since</c>/<c>--until</c> take (systemd.time(7)): <c>now</c>, <c>today</c>, <c>yesterday</c>,
/// <c>tomorrow</c>, <c>@EPOCH</c>, <c>-5min</c>, <c>+1h</c>, <c>2 hours ago</c>, <c>YYYY-MM-DD [HH:MM[:SS[.frac]]]</c>
/// (also with <c>T</c>, an optional weekday first and <c>UTC</c>/<c>Z</c> last), and <c>HH:MM[:SS]</c> for today.
/// Dates are local time unless marked UTC.
/// </summary>
internal static class TimestampParser
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
        "yy-MM-dd HH:mm:ss", "yy-MM-dd HH:mm", "yy-MM-dd", "HH:mm:ss.FFFFFF", "HH:mm:ss", "HH:mm",
    ];

    private static readonly string[] Weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>µs since the epoch, or null when <paramref name="text"/> is not a timestamp.</summary>
    public static long? Parse(string text, DateTime nowUtc)
    {
        var t = text.Trim();
        var nowUs = ToUsec(nowUtc);
        var lower = t.ToLowerInvariant();
        var today = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, TimeZoneInfo.Local).Date;
        switch (lower)
        {
            case "now": return nowUs;
            case "today": return LocalToUsec(today);
            case "yesterday": return LocalToUsec(today.AddDays(-1));
            case "tomorrow": return LocalToUsec(today.AddDays(1));
        }
        if (t.StartsWith('@'))
            return decimal.TryParse(t[1..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var epoch)
                ? (long)(epoch * 1_000_000m) : null;
        if (t.StartsWith('+') || t.StartsWith('-'))
            return TimeSpanParser.ParseUsec(t[1..]) is { } span ? (t[0] == '+' ? nowUs + span : nowUs - span) : null;
        if (lower.EndsWith(" ago", StringComparison.Ordinal))
            return TimeSpanParser.ParseUsec(t[..^4]) is { } ago ? nowUs - ago : null;
        if (lower.EndsWith(" left", StringComparison.Ordinal))
            return TimeSpanParser.ParseUsec(t[..^5]) is { } left ? nowUs + left : null;
        return ParseAbsolute(t, today);
    }

    private static long? ParseAbsolute(string t, DateTime today)
    {
        var utc = false;
        if (t.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase)) (t, utc) = (t[..^4].TrimEnd(), true);
        else if (t.EndsWith('Z') && t.Contains('T')) (t, utc) = (t[..^1], true);
        var space = t.IndexOf(' ');
        if (space > 0 && Array.IndexOf(Weekdays, t[..space].ToLowerInvariant()) >= 0) t = t[(space + 1)..].TrimStart();
        if (t.Length > 10 && t[10] == 'T') t = t[..10] + " " + t[11..];
        if (!DateTime.TryParseExact(t, Formats, CultureInfo.InvariantCulture, DateTimeStyles.NoCurrentDateDefault,
            out var value))
            return null;
        // A bare time of day means today.
        if (value.Year == 1 && value.Month == 1 && value.Day == 1) value = today.Add(value.TimeOfDay);
        return utc ? ToUsec(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : LocalToUsec(value);
    }

    private static long LocalToUsec(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A local time skipped by a DST change: take the moment just after the gap.
        if (TimeZoneInfo.Local.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        return ToUsec(TimeZoneInfo.ConvertTimeToUtc(unspecified, TimeZoneInfo.Local));
    }

    private static long ToUsec(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / 10;
}
