using System.Globalization;

namespace Platform.Host.Output;

/// <summary>Value formats of systemctl's output (timestamps, booleans, quoting in list properties).</summary>
internal static class SystemdFormat
{
    /// <summary><c>yes</c>/<c>no</c> as systemctl prints booleans.</summary>
    public static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>
    /// A timestamp as <c>show</c> and <c>status</c> print it (<c>Sun 2026-11-22 04:30:01 UTC</c>); empty for 0.
    /// </summary>
    public static string Timestamp(long usecSinceEpoch)
    {
        if (usecSinceEpoch <= 0) return "";
        var local = DateTimeOffset.FromUnixTimeMilliseconds(usecSinceEpoch / 1000).ToLocalTime();
        return local.ToString("ddd yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + ZoneName(local);
    }

    /// <summary>
    /// How long ago, as <c>status</c> prints it after a timestamp (<c>5s ago</c>, <c>1min 3s ago</c>).
    /// </summary>
    public static string Ago(long usecSinceEpoch, long nowUsec)
    {
        var delta = Math.Max(0, nowUsec - usecSinceEpoch);
        return Relative(delta) + " ago";
    }

    /// <summary>
    /// A coarse duration the way systemd shortens it for humans: at most two components, no sub-second part above a
    /// second.
    /// </summary>
    public static string Relative(long usec)
    {
        if (usec < 1000) return usec + "us";
        if (usec < 1_000_000) return (usec / 1000) + "ms";
        var s = usec / 1_000_000;
        if (s < 60) return s + "s";
        var m = s / 60;
        if (m < 60) return s % 60 == 0 ? $"{m}min" : $"{m}min {s % 60}s";
        var h = m / 60;
        if (h < 24) return m % 60 == 0 ? $"{h}h" : $"{h}h {m % 60}min";
        var d = h / 24;
        return h % 24 == 0 ? $"{d} days" : $"{d} days {h % 24}h";
    }

    private static readonly (long Usec, string Suffix)[] Units =
    [
        (31_557_600_000_000, "y"), (2_629_800_000_000, "month"), (604_800_000_000, "w"), (86_400_000_000, "d"),
        (3_600_000_000, "h"), (60_000_000, "min"), (1_000_000, "s"), (1_000, "ms"), (1, "us"),
    ];

    /// <summary>
    /// systemd's format_timespan() with an accuracy: components down to <paramref name="accuracyUsec"/>, the last one
    /// under a minute in dot notation with as many digits as the accuracy allows (<c>1.003s</c>, <c>2min 3.456s</c>).
    /// </summary>
    public static string Timespan(long usec, long accuracyUsec)
    {
        if (usec <= 0) return "0";
        var sb = new System.Text.StringBuilder();
        var t = usec;
        foreach (var (unit, suffix) in Units)
        {
            if (t <= 0 || t < accuracyUsec && sb.Length > 0) break;
            if (t < unit) continue;
            var a = t / unit;
            var b = t % unit;
            if (sb.Length > 0) sb.Append(' ');
            if (t < 60_000_000 && b > 0)
            {
                var digits = 0;
                for (var cc = unit; cc > 1; cc /= 10) digits++;
                for (var cc = accuracyUsec; cc > 1; cc /= 10) { b /= 10; digits--; }
                if (digits > 0)
                {
                    sb.Append(a.ToString(CultureInfo.InvariantCulture)).Append('.')
                      .Append(b.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')).Append(suffix);
                    break;
                }
            }
            sb.Append(a.ToString(CultureInfo.InvariantCulture)).Append(suffix);
            t = b;
        }
        return sb.Length == 0 ? "0" : sb.ToString();
    }

    /// <summary>Microseconds since the epoch, now.</summary>
    public static long NowUsec() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    /// <summary>Joins words for list properties, quoting those with spaces as systemctl does.</summary>
    public static string Words(IEnumerable<string> words)
        => string.Join(' ', words.Select(w =>
            w.Length == 0 || w.Contains(' ') || w.Contains('"') ? "\"" + w.Replace("\\", "\\\\").Replace("\"", "\\\"")
            + "\"" : w));

    private static string ZoneName(DateTimeOffset t)
    {
        if (t.Offset == TimeSpan.Zero && (TimeZoneInfo.Local.Id is "UTC" or "Etc/UTC" or "Universal"
            || TimeZoneInfo.Local.BaseUtcOffset == TimeSpan.Zero))
            return "UTC";
        var name = TimeZoneInfo.Local.IsDaylightSavingTime(t)
            ? TimeZoneInfo.Local.DaylightName : TimeZoneInfo.Local.StandardName;
        return name.Length <= 5 ? name : t.ToString("zzz", CultureInfo.InvariantCulture);
    }
}
