using System.Globalization;

namespace Platform.Journal.Journalctl;

/// <summary>
/// What each journalctl option does to <see cref="JournalctlOptions"/>; false with an error for bad values.
/// </summary>
internal static class JournalctlOptionTable
{
    /// <summary>A long option: true when applied, false when unknown, null on a bad value (see error).</summary>
    public static bool? Long(JournalctlOptions o, string name, string? inline, Func<string?> next,
        IReadOnlyList<string> args,
        ref int i, DateTime nowUtc, out string error)
    {
        var result = Known(o, name, inline, next, args, ref i, nowUtc, out error);
        return result is false && error.Length > 0 ? null : result;
    }

    private static bool? Known(JournalctlOptions o, string name, string? inline, Func<string?> next,
        IReadOnlyList<string> args,
        ref int i, DateTime nowUtc, out string error)
    {
        error = "";
        var option = name switch
        {
            "unit" or "user-unit" => "u",
            "identifier" => "t",
            "output" => "o",
            "since" => "S",
            "until" => "U",
            "priority" => "p",
            _ => null,
        };
        if (option is not null)
        {
            var value = inline ?? next();
            if (value is not null) return Apply(o, option, value, nowUtc, out error);
            error = $"journalctl: option '--{name}' requires an argument";
            return false;
        }
        switch (name)
        {
            case "lines": return Apply(o, "n", inline ?? JournalctlParser.Optional('n', args, ref i), nowUtc,
                out error);
            case "boot": return Apply(o, "b", inline ?? JournalctlParser.Optional('b', args, ref i), nowUtc, out error);
            case "root" or "directory" or "machine" or "namespace":
                if (inline is null) next();
                return true;
            case "follow": o.Follow = true; return true;
            case "reverse": o.Reverse = true; return true;
            case "quiet": o.Quiet = true; return true;
            case "all": o.All = true; return true;
            case "no-hostname": o.NoHostname = true; return true;
            case "utc": o.Utc = true; return true;
            case "dmesg": o.Kernel = true; return true;
            case "pager-end": o.Lines ??= 1000; return true;
            case "help": o.Help = true; return true;
            case "version": o.Version = true; return true;
            case "flush" or "sync" or "rotate" or "relinquish-var"
                or "smart-relinquish-var": o.Maintenance = name; return true;
            case "no-pager" or "catalog" or "full" or "no-full" or "merge" or "system" or "user" or "no-tail"
                or "show-cursor":
                return true;
            default: return false;
        }
    }

    public static bool? Apply(JournalctlOptions o, string option, string? value, DateTime nowUtc, out string error)
    {
        error = "";
        switch (option)
        {
            case "u": o.Units.Add(UnitPatterns.Mangle(value!)); return true;
            case "t": o.Identifiers.Add(value!); return true;
            case "o":
                if (OutputModes.Parse(value!) is not { } mode)
                {
                    error = $"Unknown output format '{value}'.";
                    return false;
                }
                o.Output = mode;
                return true;
            case "S" or "U":
                if (TimestampParser.Parse(value!, nowUtc) is not { } usec)
                {
                    error = $"Failed to parse timestamp: {value}";
                    return false;
                }
                if (option == "S") o.SinceUsec = usec;
                else o.UntilUsec = usec;
                return true;
            case "p":
                if (!PriorityNames.TryParse(value!, out var min, out var max, out error)) return false;
                (o.MinPriority, o.MaxPriority) = (min, max);
                return true;
            case "n":
                o.AllLines = value == "all";
                if (value is null) o.Lines = 10;
                else if (value == "all") o.Lines = null;
                else if (int.TryParse(value.TrimStart('+'), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    o.Lines = n;
                else
                {
                    error = $"Failed to parse lines '{value}'";
                    return false;
                }
                return true;
            case "b": o.Boot = value is null or "all" ? (value is null ? "0" : null) : value; return true;
            case "f": o.Follow = true; return true;
            case "r": o.Reverse = true; return true;
            case "q": o.Quiet = true; return true;
            case "a": o.All = true; return true;
            case "e": o.Lines ??= 1000; return true;
            case "k": o.Kernel = true; return true;
            case "h": o.Help = true; return true;
            default: return true;
        }
    }
}
