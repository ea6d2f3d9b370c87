using System.Text;
using Platform.Abstractions;

namespace Platform.Units;

/// <summary>
/// Reads <c>EnvironmentFile=</c> files and <c>Environment=</c> values per systemd.exec(5).
/// Variable references (<c>$X</c>) are kept as written; expanding them is the executor's job.
/// </summary>
public static class EnvironmentFile
{
    /// <summary>
    /// Parses an environment file: <c>KEY=VALUE</c> lines; <c>#</c>/<c>;</c> comment lines, blank lines and lines
    /// without <c>=</c> ignored; unquoted values keep interior whitespace and take backslash escapes and continuations;
    /// single quotes are verbatim, double quotes take <c>\" \\ \` \$</c> and continuations; both may span lines.
    /// Lines with an invalid variable name (e.g. <c>export X=1</c>) are skipped, as systemd does.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Read(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parses environment file text; see <see cref="Read"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text)
    {
        var result = new List<KeyValuePair<string, string>>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n') i++;
            if (i >= text.Length) break;
            if (text[i] is '#' or ';') { SkipLine(text, ref i); continue; }
            var keyStart = i;
            while (i < text.Length && text[i] is not '=' and not '\n') i++;
            if (i >= text.Length || text[i] == '\n') continue;
            var key = text[keyStart..i].TrimEnd(' ', '\t', '\r');
            i++;
            var value = ReadValue(text, ref i);
            if (IsValidName(key)) result.Add(new(key, value));
        }
        return result;
    }

    /// <summary>
    /// Splits an <c>Environment=</c> value into assignments (<c>"A=b c" D=e</c>); words without a valid <c>NAME=</c>
    /// are skipped.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseAssignments(string value,
        Action<string>? warn = null)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var word in SystemdValues.SplitWords(value))
        {
            var eq = word.IndexOf('=');
            if (eq <= 0 || !IsValidName(word[..eq]))
            {
                warn?.Invoke($"Invalid environment assignment, ignoring: {word}");
                continue;
            }
            result.Add(new(word[..eq], word[(eq + 1)..]));
        }
        return result;
    }

    /// <summary>
    /// Whether a name may be an environment variable: letters, digits, underscore, not starting with a digit.
    /// </summary>
    public static bool IsValidName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0])) return false;
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        return true;
    }

    private static string ReadValue(string text, ref int i)
    {
        var sb = new StringBuilder();
        var keep = 0; // length up to the last character that is not trailing unquoted whitespace
        var preValue = true; // quotes are special only where a value (or a quoted part) begins
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '\n') break;
            if (preValue && c is ' ' or '\t' or '\r') continue;
            if (preValue && c == '\'')
            {
                while (i < text.Length && text[i] != '\'') sb.Append(text[i++]);
                i++;
                keep = sb.Length;
                continue;
            }
            if (preValue && c == '"')
            {
                ReadDoubleQuoted(text, ref i, sb);
                keep = sb.Length;
                continue;
            }
            preValue = false;
            if (c == '\\' && i < text.Length)
            {
                var e = text[i++];
                if (e == '\n') continue;
                sb.Append(e);
                keep = sb.Length;
                continue;
            }
            sb.Append(c);
            if (c is not (' ' or '\t' or '\r')) keep = sb.Length;
        }
        return sb.ToString(0, keep);
    }

    private static void ReadDoubleQuoted(string text, ref int i, StringBuilder sb)
    {
        while (i < text.Length && text[i] != '"')
        {
            var d = text[i++];
            if (d == '\\' && i < text.Length)
            {
                var e = text[i++];
                if (e == '\n') continue;
                if (e is not ('"' or '\\' or '`' or '$')) sb.Append('\\');
                sb.Append(e);
                continue;
            }
            sb.Append(d);
        }
        i++;
    }

    private static void SkipLine(string text, ref int i)
    {
        while (i < text.Length && text[i] != '\n') i++;
    }
}
