using System.Globalization;

namespace Platform.Abstractions;

/// <summary>
/// Signal names and numbers as systemd accepts them in <c>KillSignal=</c> and friends: <c>SIGTERM</c>, <c>TERM</c>,
/// <c>15</c>, <c>SIGRTMIN+3</c>.
/// </summary>
public static class SignalNames
{
    /// <summary>The real-time signal range glibc leaves to applications.</summary>
    public const int RtMin = 34, RtMax = 64;

    private static readonly string[] Names =
    [
        "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM",
            "TERM",
        "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH",
            "IO", "PWR", "SYS",
    ];

    /// <summary>Parses a signal; false for unknown names or numbers outside 1..64.</summary>
    public static bool TryParse(string? text, out int signal)
    {
        signal = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            signal = number;
            return number is >= 1 and <= RtMax;
        }
        if (s.StartsWith("SIG", StringComparison.Ordinal)) s = s[3..];
        for (var i = 1; i < Names.Length; i++)
            if (Names[i] == s) { signal = i; return true; }
        switch (s)
        {
            case "IOT": signal = 6; return true;
            case "CLD": signal = 17; return true;
            case "POLL": signal = 29; return true;
        }
        return TryRealTime(s, "RTMIN", RtMin, +1, out signal) || TryRealTime(s, "RTMAX", RtMax, -1, out signal);
    }

    /// <summary>Parses a signal or throws <see cref="FormatException"/>.</summary>
    public static int Parse(string text) =>
        TryParse(text, out var signal) ? signal : throw new FormatException("Failed to parse signal: " + text);

    /// <summary>
    /// The name with the <c>SIG</c> prefix (<c>SIGTERM</c>, <c>SIGRTMIN+2</c>), or the number for unknown values.
    /// </summary>
    public static string Name(int signal)
    {
        if (signal > 0 && signal < Names.Length) return "SIG" + Names[signal];
        if (signal == RtMin) return "SIGRTMIN";
        if (signal > RtMin && signal <= RtMax)
            return "SIGRTMIN+" + (signal - RtMin).ToString(CultureInfo.InvariantCulture);
        return signal.ToString(CultureInfo.InvariantCulture);
    }

    private static bool TryRealTime(string s, string prefix, int baseSignal, int direction, out int signal)
    {
        signal = 0;
        if (!s.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var rest = s[prefix.Length..];
        if (rest.Length == 0) { signal = baseSignal; return true; }
        var sign = direction > 0 ? '+' : '-';
        if (rest[0] != sign || !int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture,
            out var offset)) return false;
        signal = baseSignal + direction * offset;
        return signal is >= RtMin and <= RtMax;
    }
}
