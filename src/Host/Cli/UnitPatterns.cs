using Platform.Units;

namespace Platform.Host.Cli;

/// <summary>
/// Turns command arguments into unit names: a missing suffix means <c>.service</c>, globs match known unit names.
/// </summary>
internal static class UnitPatterns
{
    public static bool IsGlob(string s) => Glob.HasWildcards(s);

    public static IReadOnlyList<string> Expand(HostContext ctx, IEnumerable<string> arguments,
        IEnumerable<string>? extraNames = null)
    {
        var result = new List<string>();
        List<string>? known = null;
        foreach (var arg in arguments)
        {
            if (!IsGlob(arg))
            {
                result.Add(UnitRepository.NormalizeName(arg));
                continue;
            }
            known ??= [.. ctx.Units.AllUnitFileNames().Concat(extraNames ?? []).Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)];
            foreach (var name in known)
                if (Matches(arg, name) && !result.Contains(name)) result.Add(name);
        }
        return result;
    }

    /// <summary>
    /// fnmatch(3)-style matching of a unit name (<c>*</c>, <c>?</c>, <c>[...]</c>), as every command matches globs.
    /// </summary>
    public static bool Matches(string pattern, string name) => Glob.IsMatch(pattern, name);
}
