namespace Platform.Units.Calendar;

/// <summary>
/// systemd's find_next(): walks year, month, day, weekday, hour, minute and second from the instant after the base,
/// taking the smallest matching value of each field and restarting one level up whenever a field runs over (or a
/// date does not exist, or DST skips the wall time). The time zone's rules come from <see cref="TimeZoneInfo"/>.
/// </summary>
internal static class CalendarElapse
{
    public static long? Next(CalendarSpec spec, long afterUsec)
    {
        var zone = spec.Zone;
        var usec = afterUsec + 1;
        var seconds = Math.DivRem(usec, CalendarSpec.UsecPerSec, out var fraction);
        if (fraction < 0)
        {
            seconds--;
            fraction += CalendarSpec.UsecPerSec;
        }
        var start = DateTime.UnixEpoch.AddSeconds(seconds);
        // The first occurrence of a repeated wall time, unless the base lies in the second one already.
        foreach (var later in (bool[])[false, true])
        {
            var tm = BrokenDownTime.FromUtc(start, zone);
            tm.LaterWhenAmbiguous = later;
            var tmUsec = (int)fraction;
            if (!FindNext(spec, zone, ref tm, ref tmUsec)) return null;
            if (tm.ToUtc(zone) is not { } utc) return null;
            var next = (utc - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond + tmUsec;
            if (next > afterUsec) return next;
        }
        return null;
    }

    private static bool FindNext(CalendarSpec spec, TimeZoneInfo zone, ref BrokenDownTime tm, ref int tmUsec)
    {
        var c = tm;
        var usec = tmUsec;
        for (var guard = 0; guard < 1_000_000; guard++)
        {
            if (!c.Normalize(zone)) return false;
            if (c.Year > CalendarSpec.MaxYear) return false;

            var r = Match(spec, spec.Year, c, ref c.Year);
            if (r > 0) (c.Month, c.Day, c.Hour, c.Minute, c.Second, usec) = (0, 1, 0, 0, 0, 0);
            if (r < 0 || c.OutOfBounds(zone)) return false;

            c.Month++;
            r = Match(spec, spec.Month, c, ref c.Month);
            c.Month--;
            if (r > 0) (c.Day, c.Hour, c.Minute, c.Second, usec) = (1, 0, 0, 0, 0);
            if (r < 0 || c.OutOfBounds(zone))
            {
                c.Year++;
                (c.Month, c.Day, c.Hour, c.Minute, c.Second, usec) = (0, 1, 0, 0, 0, 0);
                continue;
            }

            r = Match(spec, spec.Day, c, ref c.Day);
            if (r > 0) (c.Hour, c.Minute, c.Second, usec) = (0, 0, 0, 0);
            if (r < 0 || c.OutOfBounds(zone))
            {
                c.Month++;
                (c.Day, c.Hour, c.Minute, c.Second, usec) = (1, 0, 0, 0, 0);
                continue;
            }

            if (spec.Weekdays is > 0 and < 127 && c.WeekdayMondayFirst(zone) is var weekday
                && (weekday is null || (spec.Weekdays & (1 << weekday.Value)) == 0))
            {
                c.Day++;
                (c.Hour, c.Minute, c.Second, usec) = (0, 0, 0, 0);
                continue;
            }

            r = Match(spec, spec.Hour, c, ref c.Hour);
            if (r > 0) (c.Minute, c.Second, usec) = (0, 0, 0);
            if (r < 0 || c.OutOfBounds(zone))
            {
                c.Day++;
                (c.Hour, c.Minute, c.Second, usec) = (0, 0, 0, 0);
                continue;
            }

            r = Match(spec, spec.Minute, c, ref c.Minute);
            if (r > 0) (c.Second, usec) = (0, 0);
            if (r < 0 || c.OutOfBounds(zone))
            {
                c.Hour++;
                (c.Minute, c.Second, usec) = (0, 0, 0);
                continue;
            }

            var sec = c.Second * CalendarSpec.UsecPerSec + usec;
            r = Match(spec, spec.Microsecond, c, ref sec);
            usec = sec % CalendarSpec.UsecPerSec;
            c.Second = sec / CalendarSpec.UsecPerSec;
            if (r < 0 || c.OutOfBounds(zone))
            {
                c.Minute++;
                (c.Second, usec) = (0, 0);
                continue;
            }

            tm = c;
            tmUsec = usec;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The last day of the month, counted back: <c>~1</c> is the last day, <c>~2</c> the one before
    /// (find_end_of_month()).
    /// </summary>
    private static int EndOfMonth(BrokenDownTime tm, int day)
    {
        if (day < 0) return -1;
        var last = DateTime.DaysInMonth(tm.Year, tm.Month + 1);
        var result = last + 1 - day;
        return result >= 1 ? result : -1;
    }

    /// <summary>
    /// Moves <paramref name="value"/> to the smallest element value at or after it: 1 when it moved, 0 when it already
    /// matched, -1 when nothing matches any more (systemd's find_matching_component()).
    /// </summary>
    private static int Match(CalendarSpec spec, IReadOnlyList<CalendarComponent>? chain, BrokenDownTime tm,
        ref int value)
    {
        if (chain is null) return 0;
        var d = -1;
        var set = false;
        foreach (var c in chain)
        {
            int start, stop;
            if (spec.EndOfMonth && ReferenceEquals(chain, spec.Day))
            {
                start = EndOfMonth(tm, c.Start);
                stop = EndOfMonth(tm, c.Stop);
                if (stop > 0) (start, stop) = (stop, start);
            }
            else (start, stop) = (c.Start, c.Stop);
            if (start >= value)
            {
                if (!set || start < d) (d, set) = (start, true);
            }
            else if (c.Repeat > 0)
            {
                var k = start + c.Repeat * (int)((value - start + (long)c.Repeat - 1) / c.Repeat);
                if ((!set || k < d) && (stop < 0 || k <= stop)) (d, set) = (k, true);
            }
        }
        if (!set) return -1;
        var changed = value != d ? 1 : 0;
        value = d;
        return changed;
    }
}
