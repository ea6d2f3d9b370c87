using System.Globalization;
using System.Text;

namespace Platform.Units.Calendar;

/// <summary>
/// A parsed calendar event of systemd.time(7) ("Calendar Events"), in systemd's normalized shape: weekday bits,
/// component lists for year to seconds (null means <c>*</c>), the <c>~</c> flag and a time zone. Parse with
/// <see cref="CalendarParser"/>; <see cref="ToString"/> prints the normalized form <c>systemd-analyze calendar</c>
/// shows.
/// </summary>
public sealed class CalendarSpec
{
    internal const int MinYear = 1970;
    internal const int MaxYear = 2199;
    internal const int UsecPerSec = 1_000_000;
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>Bit 0 = Monday ... bit 6 = Sunday; -1 means any weekday.</summary>
    public int Weekdays { get; internal set; } = -1;
    /// <summary>The day is counted from the end of the month (<c>~</c>).</summary>
    public bool EndOfMonth { get; internal set; }
    /// <summary>The event is in UTC.</summary>
    public bool Utc { get; internal set; }
    /// <summary>An IANA time zone name, or null for UTC/local time.</summary>
    public string? TimeZone { get; internal set; }
    /// <summary>Years (null = any).</summary>
    public IReadOnlyList<CalendarComponent>? Year { get; internal set; }
    /// <summary>Months 1-12 (null = any).</summary>
    public IReadOnlyList<CalendarComponent>? Month { get; internal set; }
    /// <summary>Days 1-31, or days before the month's end with <see cref="EndOfMonth"/> (null = any).</summary>
    public IReadOnlyList<CalendarComponent>? Day { get; internal set; }
    /// <summary>Hours (null = any).</summary>
    public IReadOnlyList<CalendarComponent>? Hour { get; internal set; }
    /// <summary>Minutes (null = any).</summary>
    public IReadOnlyList<CalendarComponent>? Minute { get; internal set; }
    /// <summary>Seconds in microseconds (null = any).</summary>
    public IReadOnlyList<CalendarComponent>? Microsecond { get; internal set; }

    /// <summary>The zone the event's wall-clock fields are in.</summary>
    public TimeZoneInfo Zone => Utc ? TimeZoneInfo.Utc
        : TimeZone is { } name && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone)
            ? zone : TimeZoneInfo.Local;

    /// <summary>
    /// Parses <paramref name="text"/>; throws <see cref="FormatException"/> in systemd's words when it is not a
    /// calendar event.
    /// </summary>
    public static CalendarSpec Parse(string text) => CalendarParser.Parse(text);

    /// <summary>Parses <paramref name="text"/>, or returns false.</summary>
    public static bool TryParse(string? text, out CalendarSpec spec) => CalendarParser.TryParse(text, out spec);

    /// <summary>
    /// The first elapse strictly after <paramref name="afterUsec"/> (µs since the epoch), or null when it never elapses
    /// again.
    /// </summary>
    public long? NextElapseUsec(long afterUsec) => CalendarElapse.Next(this, afterUsec);

    /// <summary>The normalized form, e.g. <c>Mon..Fri *-*-* 00:00:00</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Weekdays > 0 && Weekdays < 127)
        {
            FormatWeekdays(text);
            text.Append(' ');
        }
        FormatChain(text, 4, Year, false);
        text.Append('-');
        FormatChain(text, 2, Month, false);
        text.Append(EndOfMonth ? '~' : '-');
        FormatChain(text, 2, Day, false);
        text.Append(' ');
        FormatChain(text, 2, Hour, false);
        text.Append(':');
        FormatChain(text, 2, Minute, false);
        text.Append(':');
        FormatChain(text, 2, Microsecond, true);
        if (Utc) text.Append(" UTC");
        else if (TimeZone is not null) text.Append(' ').Append(TimeZone);
        return text.ToString();
    }

    private void FormatWeekdays(StringBuilder text)
    {
        var needComma = false;
        var l = -1;
        int x;
        for (x = 0; x < 7; x++)
        {
            if ((Weekdays & (1 << x)) != 0)
            {
                if (l >= 0) continue;
                if (needComma) text.Append(',');
                else needComma = true;
                text.Append(DayNames[x]);
                l = x;
            }
            else if (l >= 0)
            {
                if (x > l + 1) text.Append(x > l + 2 ? ".." : ",").Append(DayNames[x - 1]);
                l = -1;
            }
        }
        if (l >= 0 && x > l + 1) text.Append(x > l + 2 ? ".." : ",").Append(DayNames[x - 1]);
    }

    private static void FormatChain(StringBuilder text, int width, IReadOnlyList<CalendarComponent>? chain, bool usec)
    {
        var d = usec ? UsecPerSec : 1;
        if (chain is null)
        {
            text.Append('*');
            return;
        }
        if (usec && chain is [{ Start: 0, Repeat: UsecPerSec, Stop: < 0 }])
        {
            text.Append('*');
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        for (var i = 0; i < chain.Count; i++)
        {
            var c = chain[i];
            if (i > 0) text.Append(',');
            text.Append((c.Start / d).ToString(inv).PadLeft(width, '0'));
            if (c.Start % d > 0) text.Append('.').Append((c.Start % d).ToString("D6", inv));
            if (c.Stop > 0) text.Append("..").Append((c.Stop / d).ToString(inv).PadLeft(width, '0'));
            if (c.Stop % d > 0) text.Append('.').Append((c.Stop % d).ToString("D6", inv));
            if (c.Repeat > 0 && !(c.Stop > 0 && c.Repeat == d)) text.Append('/').Append((c.Repeat / d).ToString(inv));
            if (c.Repeat % d > 0) text.Append('.').Append((c.Repeat % d).ToString("D6", inv));
        }
    }
}
