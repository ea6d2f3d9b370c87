using System.Text;

namespace Platform.Host.Output;

/// <summary>
/// systemd's <c>shell_maybe_quote(s, SHELL_ESCAPE_POSIX)</c>, which <c>show-environment</c> uses so its output can be
/// sourced by a shell: a value with whitespace, control or shell-special characters becomes <c>$'...'</c> with
/// backslash escapes (<c>\'</c>, <c>\\</c>, <c>\n</c>, <c>\t</c>, octal <c>\001</c>); any other value is printed as is.
/// </summary>
internal static class ShellQuote
{
    // WHITESPACE, then SHELL_NEED_QUOTES = SHELL_NEED_ESCAPE GLOB_CHARS "'()<>|&;!" of systemd's escape.h.
    private const string NeedQuotes = " \t\n\r\"\\`$*?['()<>|&;!";

    public static string Posix(string value)
    {
        var needs = false;
        foreach (var c in value)
            if (IsControl(c) || NeedQuotes.Contains(c)) { needs = true; break; }
        if (!needs) return value;
        var sb = new StringBuilder("$'", value.Length + 8);
        foreach (var c in value)
        {
            if (IsControl(c)) sb.Append(ControlEscape(c));
            else
            {
                if (c is '\\' or '\'') sb.Append('\\');
                sb.Append(c);
            }
        }
        return sb.Append('\'').ToString();
    }

    /// <summary>
    /// <c>shell_maybe_quote(s, 0)</c>, as <c>show</c> prints each string of a list such as the manager's
    /// <c>Environment=</c>: in double quotes with <c>" \ ` $</c> backslash-escaped and control characters C-escaped.
    /// </summary>
    public static string Double(string value)
    {
        var needs = false;
        foreach (var c in value)
            if (IsControl(c) || NeedQuotes.Contains(c)) { needs = true; break; }
        if (!needs) return value;
        var sb = new StringBuilder("\"", value.Length + 8);
        foreach (var c in value)
        {
            if (IsControl(c)) sb.Append(ControlEscape(c));
            else
            {
                if (c is '\\' or '"' or '`' or '$') sb.Append('\\');
                sb.Append(c);
            }
        }
        return sb.Append('"').ToString();
    }

    private static bool IsControl(char c) => c < ' ' || c == (char)127;

    // systemd's cescape_char for the control characters.
    private static string ControlEscape(char c) => c switch
    {
        '\a' => "\\a", '\b' => "\\b", '\f' => "\\f", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", '\v' => "\\v",
        _ => "\\" + Convert.ToString(c, 8).PadLeft(3, '0'),
    };
}
