namespace Platform.Units;

/// <summary>How install operations word their output.</summary>
public sealed class InstallOptions
{
    /// <summary>
    /// Error wording and the exit code of <c>disable</c> for unknown units; default
    /// <see cref="InstallMessageStyle.Daemon"/>.
    /// </summary>
    public InstallMessageStyle Style { get; init; } = InstallMessageStyle.Daemon;

    /// <summary>
    /// Print <c>→</c> in "Created symlink" lines (systemd does in UTF-8 locales), else <c>-&gt;</c>. Defaults from the
    /// environment.
    /// </summary>
    public bool UnicodeArrow { get; init; } = LocaleIsUtf8();

    /// <summary><c>--force</c>: replace existing files and links that are in the way.</summary>
    public bool Force { get; init; }

    /// <summary>
    /// Whether the locale is UTF-8 as systemd decides it: <c>$SYSTEMD_UTF8</c> if set, else the first set of
    /// <c>LC_ALL</c>, <c>LC_CTYPE</c>, <c>LANG</c> naming UTF-8.
    /// </summary>
    public static bool LocaleIsUtf8()
    {
        var forced = Environment.GetEnvironmentVariable("SYSTEMD_UTF8");
        if (Platform.Abstractions.SystemdValues.TryParseBoolean(forced, out var b)) return b;
        foreach (var v in (string[])["LC_ALL", "LC_CTYPE", "LANG"])
        {
            var value = Environment.GetEnvironmentVariable(v);
            if (string.IsNullOrEmpty(value)) continue;
            return value.Contains("UTF-8", StringComparison.OrdinalIgnoreCase)
                || value.Contains("utf8", StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }
}
