using System.Text;

namespace Platform.Exec;

/// <summary>
/// Environment substitution in command lines at exec time (systemd.service(5)): <c>${VAR}</c> is replaced inside
/// a word; a word of the form <c>$VAR</c> becomes the value split at whitespace (quotes in the value group), or
/// nothing when unset; <c>$$</c> is a literal <c>$</c>; unknown variables expand to the empty string.
/// </summary>
internal static class VariableExpander
{
    /// <summary>Expands every word of <paramref name="argv"/> against <paramref name="environment"/>.</summary>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> argv,
        IReadOnlyDictionary<string, string> environment)
    {
        var result = new List<string>(argv.Count);
        foreach (var word in argv)
        {
            if (word.Length > 1 && word[0] == '$' && word[1] is not '{' and not '$')
            {
                // The whole rest of the word is the name: "$FOO/bar" looks up "FOO/bar", as systemd does.
                if (environment.TryGetValue(word[1..], out var value))
                    result.AddRange(SplitValue(value));
                continue;
            }
            result.Add(ExpandWord(word, environment));
        }
        return result;
    }

    /// <summary>Replaces <c>${VAR}</c> and <c>$$</c> inside one word; anything else stays literal.</summary>
    public static string ExpandWord(string word, IReadOnlyDictionary<string, string> environment)
    {
        if (!word.Contains('$')) return word;
        var sb = new StringBuilder(word.Length);
        var i = 0;
        while (i < word.Length)
        {
            var c = word[i];
            if (c == '$' && i + 1 < word.Length)
            {
                if (word[i + 1] == '$') { sb.Append('$'); i += 2; continue; }
                if (word[i + 1] == '{')
                {
                    var close = word.IndexOf('}', i + 2);
                    if (close < 0) { sb.Append(word, i, word.Length - i); break; }
                    if (environment.TryGetValue(word[(i + 2)..close], out var value)) sb.Append(value);
                    i = close + 1;
                    continue;
                }
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    /// <summary>
    /// Splits a variable value into words at whitespace, honouring quotes and tolerating unbalanced ones.
    /// </summary>
    private static List<string> SplitValue(string value)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        var inWord = false;
        var quote = '\0';
        foreach (var c in value)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else sb.Append(c);
                continue;
            }
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                if (inWord) { words.Add(sb.ToString()); sb.Clear(); inWord = false; }
                continue;
            }
            inWord = true;
            if (c is '"' or '\'') quote = c;
            else sb.Append(c);
        }
        if (inWord) words.Add(sb.ToString());
        return words;
    }
}
