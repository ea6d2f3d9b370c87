namespace Platform.Host.Journal.Journalctl;

/// <summary>
/// <c>-u</c> arguments: a name without a unit type gets <c>.service</c> (also a glob such as <c>web*</c>), and
/// globs (<c>*</c>, <c>?</c>, <c>[...]</c>) match unit names as fnmatch(3) does.
/// </summary>
internal static class UnitPatterns
{
    private static readonly string[] Suffixes = [".service", ".socket", ".target", ".device", ".mount", ".automount",
        ".swap", ".timer", ".path", ".slice", ".scope"];

    public static string Mangle(string name)
    {
        foreach (var suffix in Suffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal)) return name;
        // A glob that already ends in a wildcard suffix (web.*) stays as it is.
        var dot = name.LastIndexOf('.');
        if (IsGlob(name) && dot >= 0 && IsGlob(name[dot..])) return name;
        return name + ".service";
    }

    public static bool IsGlob(string pattern) => pattern.AsSpan().IndexOfAny("*?[") >= 0;

    public static bool Matches(string pattern, string name) => Match(pattern.AsSpan(), name.AsSpan());

    private static bool Match(ReadOnlySpan<char> p, ReadOnlySpan<char> s)
    {
        while (!p.IsEmpty)
        {
            switch (p[0])
            {
                case '*':
                    p = p.TrimStart('*');
                    if (p.IsEmpty) return true;
                    for (var i = 0; i <= s.Length; i++)
                        if (Match(p, s[i..])) return true;
                    return false;
                case '?':
                    if (s.IsEmpty) return false;
                    break;
                case '[':
                    var close = p[1..].IndexOf(']');
                    if (close < 0) goto default;
                    if (s.IsEmpty || !InClass(p[1..(close + 1)], s[0])) return false;
                    p = p[(close + 2)..];
                    s = s[1..];
                    continue;
                default:
                    if (s.IsEmpty || s[0] != p[0]) return false;
                    break;
            }
            p = p[1..];
            s = s[1..];
        }
        return s.IsEmpty;
    }

    private static bool InClass(ReadOnlySpan<char> set, char c)
    {
        var negate = set.Length > 0 && (set[0] == '!' || set[0] == '^');
        if (negate) set = set[1..];
        var found = false;
        for (var i = 0; i < set.Length; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-')
            {
                found |= c >= set[i] && c <= set[i + 2];
                i += 2;
            }
            else found |= c == set[i];
        }
        return found != negate;
    }
}
