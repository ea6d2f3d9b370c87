using System.Text;

namespace Platform.Exec;

/// <summary>
/// Splits an <c>Exec*=</c> value into words the way systemd.service(5) describes: whitespace separates,
/// single and double quotes group (anywhere in a word), C escapes are decoded, a bare <c>;</c> separates
/// commands and <c>\;</c> is a literal semicolon argument.
/// </summary>
internal static class ExecWordSplitter
{
    /// <summary>Splits <paramref name="value"/>; returns null and an error for unbalanced quoting.</summary>
    public static List<ExecWord>? Split(string value, out string? error)
    {
        error = null;
        var words = new List<ExecWord>();
        var sb = new StringBuilder();
        var i = 0;
        while (true)
        {
            while (i < value.Length && IsSpace(value[i])) i++;
            if (i >= value.Length) return words;
            var start = i;
            var end = i;
            while (end < value.Length && !IsSpace(value[end])) end++;
            var raw = value.AsSpan(start, end - start);
            if (raw is ";") { words.Add(new ExecWord(";", start, end, true)); i = end; continue; }
            if (raw is "\\;") { words.Add(new ExecWord(";", start, end, false)); i = end; continue; }
            sb.Clear();
            var quote = '\0';
            for (; i < value.Length; i++)
            {
                var c = value[i];
                if (quote == '\0' && IsSpace(c)) break;
                if (c == '\\')
                {
                    if (i + 1 >= value.Length) { sb.Append('\\'); continue; }
                    var used = CEscape.TryDecode(value, i + 1, sb);
                    if (used == 0) { sb.Append('\\').Append(value[i + 1]); used = 1; }
                    i += used;
                    continue;
                }
                if (quote != '\0' && c == quote) { quote = '\0'; continue; }
                if (quote == '\0' && c is '"' or '\'') { quote = c; continue; }
                sb.Append(c);
            }
            if (quote != '\0')
            {
                error = "Unbalanced quoting in command line: " + value;
                return null;
            }
            words.Add(new ExecWord(sb.ToString(), start, i, false));
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';
}
