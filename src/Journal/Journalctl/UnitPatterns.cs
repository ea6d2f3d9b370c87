using Platform.Units;

namespace Platform.Journal.Journalctl;

/// <summary>
/// <c>-u</c> arguments: a name without a unit type gets <c>.service</c> (also a glob such as <c>web*</c>), and
/// globs (<c>*</c>, <c>?</c>, <c>[...]</c>) match unit names as fnmatch(3) does.
/// </summary>
internal static class UnitPatterns
{
    public static string Mangle(string name)
    {
        if (UnitNames.TypeOf(name) is not null) return name;
        // A glob that already ends in a wildcard suffix (web.*) stays as it is.
        var dot = name.LastIndexOf('.');
        if (IsGlob(name) && dot >= 0 && IsGlob(name[dot..])) return name;
        return name + ".service";
    }

    public static bool IsGlob(string pattern) => Glob.HasWildcards(pattern);

    public static bool Matches(string pattern, string name) => Glob.IsMatch(pattern, name);
}
