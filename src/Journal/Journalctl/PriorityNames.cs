using System.Globalization;

namespace Platform.Journal.Journalctl;

/// <summary>
/// syslog level names as <c>journalctl -p</c> takes them: a name or number, or a range <c>FROM..TO</c>.
/// </summary>
internal static class PriorityNames
{
    private static readonly string[] Names = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

    public static int? Level(string text)
    {
        var index = Array.IndexOf(Names, text.ToLowerInvariant());
        if (index >= 0) return index;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 7 ? n : null;
    }

    /// <summary>
    /// Parses <c>-p</c>: a single level means 0..level; a range means from..to (either end may be empty).
    /// </summary>
    public static bool TryParse(string text, out int min, out int max, out string error)
    {
        (min, max, error) = (0, 7, "");
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            if (Level(text) is not { } level)
            {
                error = $"Unknown log level {text}";
                return false;
            }
            max = level;
            return true;
        }
        var from = text[..dots];
        var to = text[(dots + 2)..];
        int? a = from.Length == 0 ? 0 : Level(from), b = to.Length == 0 ? 7 : Level(to);
        if (a is null || b is null)
        {
            error = $"Failed to parse log level range {text}";
            return false;
        }
        (min, max) = a <= b ? (a.Value, b.Value) : (b.Value, a.Value);
        return true;
    }
}
