using System.Globalization;
using Platform.Abstractions;

namespace Platform.Exec;

/// <summary>
/// One <c>Limit*=</c> setting of systemd.exec(5) as setrlimit(2) takes it: <c>SOFT[:HARD]</c>, <c>infinity</c>, sizes
/// with the 1024-based suffixes K M G T P E, times (LimitCPU= in seconds, LimitRTTIME= in microseconds) in
/// systemd.time(7) syntax; LimitNICE= also takes a nice value (-20..19, stored as 20 - nice).
/// </summary>
internal sealed record ResourceLimit(string Setting, int Resource, ulong Soft, ulong Hard)
{
    /// <summary>RLIM_INFINITY.</summary>
    public const ulong Infinity = ulong.MaxValue;

    private static readonly (string Setting, int Resource, char Kind)[] Table =
    [
        ("LimitCPU", 0, 's'), ("LimitFSIZE", 1, 'b'), ("LimitDATA", 2, 'b'), ("LimitSTACK", 3, 'b'),
            ("LimitCORE", 4, 'b'),
        ("LimitRSS", 5, 'b'), ("LimitNPROC", 6, 'n'), ("LimitNOFILE", 7, 'n'), ("LimitMEMLOCK", 8, 'b'),
            ("LimitAS", 9, 'b'),
        ("LimitLOCKS", 10, 'n'), ("LimitSIGPENDING", 11, 'n'), ("LimitMSGQUEUE", 12, 'b'), ("LimitNICE", 13, 'i'),
        ("LimitRTPRIO", 14, 'n'), ("LimitRTTIME", 15, 'u'),
    ];

    /// <summary>The settings this table knows, in rlimit order.</summary>
    public static IEnumerable<string> Settings => Table.Select(t => t.Setting);

    /// <summary>Parses one setting; null when the value is not valid (systemd ignores such an assignment).</summary>
    public static ResourceLimit? Parse(string setting, string value)
    {
        var entry = Array.Find(Table, t => t.Setting == setting);
        if (entry.Setting is null) return null;
        var parts = value.Trim().Split(':');
        if (parts.Length > 2) return null;
        if (Value(parts[0], entry.Kind) is not { } soft) return null;
        var hard = parts.Length == 2 ? Value(parts[1], entry.Kind) : soft;
        if (hard is null || soft > hard) return null;
        return new ResourceLimit(setting, entry.Resource, soft, hard.Value);
    }

    /// <summary>The <c>RESOURCE=SOFT:HARD</c> form the exec helper takes.</summary>
    public string ToArgument() => string.Create(CultureInfo.InvariantCulture, $"{Resource}={Soft}:{Hard}");

    /// <summary>Reads <see cref="ToArgument"/>'s form back.</summary>
    public static ResourceLimit? FromArgument(string text)
    {
        var eq = text.IndexOf('=');
        var colon = text.IndexOf(':');
        if (eq < 0 || colon < eq) return null;
        return int.TryParse(text[..eq], NumberStyles.None, CultureInfo.InvariantCulture, out var r)
            && ulong.TryParse(text[(eq + 1)..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var soft)
            && ulong.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var hard)
            ? new ResourceLimit("", r, soft, hard) : null;
    }

    private static ulong? Value(string text, char kind)
    {
        text = text.Trim();
        if (text == "infinity") return Infinity;
        switch (kind)
        {
            case 's' or 'u':
                if (!SystemdValues.TryParseTimeSpan(text, kind == 's' ? 1_000_000 : 1, out var span)) return null;
                if (span == SystemdValues.Infinity) return Infinity;
                var usec = (ulong)(span.Ticks / 10);
                return kind == 's' ? (usec + 999_999) / 1_000_000 : usec;
            case 'i':
                if (text.StartsWith('-') || text.StartsWith('+'))
                    return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var nice)
                        && nice is >= -20 and <= 19
                        ? (ulong)(20 - nice) : null;
                return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var raw) ? raw : null;
            case 'b':
                var factor = 1UL;
                var suffix = "KMGTPE".IndexOf(text.Length > 0 ? char.ToUpperInvariant(text[^1]) : ' ');
                if (suffix >= 0) { factor = 1UL << (10 * (suffix + 1)); text = text[..^1]; }
                return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
                    && bytes <= ulong.MaxValue / factor
                    ? bytes * factor : null;
            default:
                return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        }
    }
}
