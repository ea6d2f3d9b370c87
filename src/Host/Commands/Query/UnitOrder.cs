namespace Platform.Host.Commands.Query;

/// <summary>The orders systemctl sorts unit names in for its listings.</summary>
internal static class UnitOrder
{
    /// <summary><c>list-units</c>: by type suffix, then by name, both ASCII case-insensitive.</summary>
    public static int Compare(string a, string b)
    {
        var sa = a.LastIndexOf('.');
        var sb = b.LastIndexOf('.');
        if (sa >= 0 && sb >= 0)
        {
            var bySuffix = CaseInsensitive(a.AsSpan(sa), b.AsSpan(sb));
            if (bySuffix != 0) return bySuffix;
        }
        return CaseInsensitive(a, b);
    }

    /// <summary>
    /// <c>list-dependencies</c>: targets after everything else, then by name (ASCII case-insensitive).
    /// </summary>
    public static int CompareDependencies(string a, string b)
    {
        var ta = a.EndsWith(".target", StringComparison.Ordinal);
        var tb = b.EndsWith(".target", StringComparison.Ordinal);
        if (ta != tb) return ta ? 1 : -1;
        return CaseInsensitive(a, b);
    }

    /// <summary>strcasecmp: ASCII letters folded, everything else by code.</summary>
    public static int CaseInsensitive(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            var d = Fold(a[i]) - Fold(b[i]);
            if (d != 0) return d;
        }
        return a.Length - b.Length;
    }

    private static int Fold(char c) => c is >= 'A' and <= 'Z' ? c + 32 : c;
}
