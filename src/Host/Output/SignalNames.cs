using System.Globalization;

namespace Platform.Host.Output;

/// <summary>Signal names and numbers on Linux x86-64, as unit files and systemctl output use them.</summary>
internal static class SignalNames
{
    private static readonly string[] Names =
    [
        "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM",
        "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
    ];

    /// <summary>The short name (<c>TERM</c>) of a signal number, or the number as text.</summary>
    public static string Name(int signal)
        => signal > 0 && signal < Names.Length ? Names[signal] : signal.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses <c>SIGTERM</c>, <c>TERM</c> or <c>15</c> (also <c>SIGRTMIN+N</c>); null when unknown.</summary>
    public static int? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n is > 0 and < 65 ? n : null;
        if (t.StartsWith("SIG", StringComparison.Ordinal)) t = t[3..];
        if (t.StartsWith("RTMIN", StringComparison.Ordinal))
        {
            var offset = t.Length == 5 ? 0 : int.TryParse(t.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : -1;
            return offset >= 0 && 34 + offset <= 64 ? 34 + offset : null;
        }
        var index = Array.IndexOf(Names, t);
        return index > 0 ? index : null;
    }
}
