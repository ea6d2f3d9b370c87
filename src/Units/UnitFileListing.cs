namespace Platform.Units;

/// <summary>
/// The data of <c>systemctl list-unit-files</c>: rows with state and preset, filtered and sorted as systemctl sorts
/// them.
/// </summary>
public static class UnitFileListing
{
    private static readonly string[] NoPreset = ["static", "alias", "generated", "transient"];

    /// <summary>
    /// Lists unit files. <paramref name="patterns"/> are shell wildcards on the name (any may match; none means all),
    /// <paramref name="types"/> unit types (<c>service</c>), <paramref name="states"/> state words; null or empty means
    /// no filter. Built-in units are included unless <paramref name="includeBuiltIns"/> is false (systemd itself only
    /// lists files).
    /// </summary>
    public static IReadOnlyList<UnitFileRow> List(UnitRepository repo, IReadOnlyCollection<string>? patterns = null,
        IReadOnlyCollection<string>? types = null, IReadOnlyCollection<string>? states = null,
            bool includeBuiltIns = true)
    {
        var rows = new List<UnitFileRow>();
        foreach (var name in repo.AllUnitFileNames(includeBuiltIns))
        {
            if (types is { Count: > 0 } && !types.Contains(UnitNames.TypeOf(name) ?? "")) continue;
            if (patterns is { Count: > 0 } && !AnyMatch(patterns, name)) continue;
            var target = repo.Targets.Resolve(name);
            var state = repo.States.State(target, forListing: true);
            if (state is null || (states is { Count: > 0 } && !states.Contains(state))) continue;
            var preset = Array.IndexOf(NoPreset, state) >= 0 ? "-" : repo.GetPresetState(name);
            rows.Add(new UnitFileRow(name, state, preset, target.Location.Path));
        }
        rows.Sort(Compare);
        return rows;
    }

    /// <summary>systemctl's order: by type suffix, then by name, both compared case-insensitively (ASCII).</summary>
    public static int Compare(UnitFileRow a, UnitFileRow b)
    {
        var sa = a.Name.LastIndexOf('.');
        var sb = b.Name.LastIndexOf('.');
        if (sa >= 0 && sb >= 0)
        {
            var bySuffix = CaseInsensitive(a.Name.AsSpan(sa), b.Name.AsSpan(sb));
            if (bySuffix != 0) return bySuffix;
        }
        return CaseInsensitive(a.Name, b.Name);
    }

    private static int CaseInsensitive(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            var d = char.ToLowerInvariant(a[i]) - char.ToLowerInvariant(b[i]);
            if (d != 0) return d;
        }
        return a.Length - b.Length;
    }

    private static bool AnyMatch(IReadOnlyCollection<string> patterns, string name)
    {
        foreach (var p in patterns)
            if (Glob.IsMatch(p, name)) return true;
        return false;
    }
}
