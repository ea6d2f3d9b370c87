namespace Platform.Units.Calendar;

/// <summary>
/// A struct tm in one time zone, with mktime()/timegm() semantics: fields may run out of range and
/// <see cref="Normalize"/> carries them over. The next-elapse search relies on that carry to detect
/// days that do not exist (February 30th) and wall times skipped by a DST change.
/// </summary>
internal struct BrokenDownTime
{
    public int Year;
    /// <summary>0-based month, as in struct tm.</summary>
    public int Month;
    public int Day;
    public int Hour;
    public int Minute;
    public int Second;
    /// <summary>
    /// A wall time that occurs twice (DST ends) means its second occurrence; else its first, as systemd picks.
    /// </summary>
    public bool LaterWhenAmbiguous;

    public static BrokenDownTime FromUtc(DateTime utc, TimeZoneInfo zone)
    {
        var wall = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return new BrokenDownTime { Year = wall.Year, Month = wall.Month - 1, Day = wall.Day, Hour = wall.Hour,
            Minute = wall.Minute, Second = wall.Second };
    }

    /// <summary>The instant these fields name (after carrying), or null beyond what DateTime holds.</summary>
    public readonly DateTime? ToUtc(TimeZoneInfo zone)
    {
        if (Wall() is not { } wall) return null;
        if (zone == TimeZoneInfo.Utc) return DateTime.SpecifyKind(wall, DateTimeKind.Utc);
        // A wall time inside a spring-forward gap moves forward by the gap, as glibc's mktime() does with tm_isdst=-1.
        var offset = zone.IsInvalidTime(wall) ? zone.GetUtcOffset(wall.AddHours(-6))
            : zone.IsAmbiguousTime(wall) ? (LaterWhenAmbiguous
                ? zone.GetAmbiguousTimeOffsets(wall).Min() : zone.GetAmbiguousTimeOffsets(wall).Max())
            : zone.GetUtcOffset(wall);
        var utc = wall - offset;
        return utc < DateTime.MinValue.AddDays(2) || utc > DateTime.MaxValue.AddDays(-2)
            ? null : DateTime.SpecifyKind(utc, DateTimeKind.Utc);
    }

    /// <summary>Carries out-of-range fields over like mktime(); false when the result is not representable.</summary>
    public bool Normalize(TimeZoneInfo zone)
    {
        if (ToUtc(zone) is not { } utc) return false;
        var later = LaterWhenAmbiguous;
        this = FromUtc(utc, zone);
        LaterWhenAmbiguous = later;
        return true;
    }

    /// <summary>True when normalizing would change any field (systemd's tm_out_of_bounds()).</summary>
    public readonly bool OutOfBounds(TimeZoneInfo zone)
    {
        var copy = this;
        return !copy.Normalize(zone) || copy.Year != Year || copy.Month != Month || copy.Day != Day
            || copy.Hour != Hour || copy.Minute != Minute || copy.Second != Second;
    }

    /// <summary>0 = Monday ... 6 = Sunday of the normalized date.</summary>
    public readonly int? WeekdayMondayFirst(TimeZoneInfo zone)
    {
        var copy = this;
        if (!copy.Normalize(zone)) return null;
        return ((int)new DateTime(copy.Year, copy.Month + 1, copy.Day).DayOfWeek + 6) % 7;
    }

    private readonly DateTime? Wall()
    {
        long months = (long)Year * 12 + Month;
        var year = (int)Math.Floor(months / 12.0);
        var month = (int)(months - (long)year * 12);
        if (year is < 1 or > 9998) return null;
        var seconds = ((((long)Day - 1) * 24 + Hour) * 60 + Minute) * 60L + Second;
        var start = new DateTime(year, month + 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var ticks = start.Ticks + seconds * TimeSpan.TicksPerSecond;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return null;
        return new DateTime(ticks, DateTimeKind.Unspecified);
    }
}
