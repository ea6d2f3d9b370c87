namespace Platform.Units;

/// <summary>
/// Shell wildcard matching as fnmatch(3) without flags: <c>*</c>, <c>?</c>, <c>[...]</c> with ranges and
/// <c>!</c>/<c>^</c>, backslash escapes.
/// </summary>
public static class Glob
{
    /// <summary>Whether <paramref name="pattern"/> has any wildcard character.</summary>
    public static bool HasWildcards(string pattern) => pattern.AsSpan().IndexOfAny("*?[") >= 0;

    /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/> as a whole.</summary>
    public static bool IsMatch(string pattern, string text) => Match(pattern, 0, text, 0);

    private static bool Match(string p, int pi, string t, int ti)
    {
        while (pi < p.Length)
        {
            var c = p[pi];
            if (c == '*')
            {
                while (pi < p.Length && p[pi] == '*') pi++;
                if (pi == p.Length) return true;
                for (var k = ti; k <= t.Length; k++)
                    if (Match(p, pi, t, k)) return true;
                return false;
            }
            if (ti >= t.Length) return false;
            if (c == '?') { pi++; ti++; continue; }
            if (c == '[')
            {
                var end = ClassEnd(p, pi);
                if (end > 0)
                {
                    if (!InClass(p, pi + 1, end, t[ti])) return false;
                    pi = end + 1;
                    ti++;
                    continue;
                }
            }
            if (c == '\\' && pi + 1 < p.Length) c = p[++pi];
            if (c != t[ti]) return false;
            pi++;
            ti++;
        }
        return ti == t.Length;
    }

    private static int ClassEnd(string p, int start)
    {
        var i = start + 1;
        if (i < p.Length && p[i] is '!' or '^') i++;
        if (i < p.Length && p[i] == ']') i++;
        while (i < p.Length && p[i] != ']') i++;
        return i < p.Length ? i : -1;
    }

    private static bool InClass(string p, int from, int end, char c)
    {
        var negate = p[from] is '!' or '^';
        if (negate) from++;
        var found = false;
        for (var i = from; i < end; i++)
        {
            if (i + 2 < end && p[i + 1] == '-')
            {
                if (c >= p[i] && c <= p[i + 2]) found = true;
                i += 2;
            }
            else if (p[i] == c) found = true;
        }
        return found != negate;
    }
}
