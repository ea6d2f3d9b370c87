namespace Platform.Host.Lifecycle.Conditions;

/// <summary>
/// The comparison operators of <c>ConditionKernelVersion=</c>, <c>ConditionOSRelease=</c>, <c>ConditionMemory=</c> and
/// <c>ConditionCPUs=</c> (systemd 252's parse_order/test_order), and systemd's version ordering (strverscmp_improved).
/// </summary>
internal static class VersionOrder
{
    // Longest first, in systemd's table order: "<=" must win over "<".
    private static readonly string[] Operators = ["<=", ">=", "<", ">", "=", "!="];

    /// <summary>Strips a leading operator from <paramref name="text"/>; null when there is none.</summary>
    public static string? TakeOperator(ref string text)
    {
        foreach (var op in Operators)
            if (text.StartsWith(op, StringComparison.Ordinal))
            {
                text = text[op.Length..];
                return op;
            }
        return null;
    }

    /// <summary>Whether a comparison result (negative, zero, positive) satisfies the operator.</summary>
    public static bool Test(int comparison, string op) => op switch
    {
        "<=" => comparison <= 0,
        ">=" => comparison >= 0,
        "<" => comparison < 0,
        ">" => comparison > 0,
        "=" => comparison == 0,
        "!=" => comparison != 0,
        _ => false,
    };

    /// <summary>
    /// systemd's strverscmp_improved(): '~' sorts before everything, '-' separates the release, '^' patches, '.' point
    /// releases.
    /// </summary>
    public static int Compare(string? a, string? b)
    {
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
            return a is null || b is null ? (a is null ? (b is null ? 0 : -1) : 1)
                : Math.Sign(string.CompareOrdinal(a, b));
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && !IsVersionChar(a[i])) i++;
            while (j < b.Length && !IsVersionChar(b[j])) j++;
            if (At(a, i) == '~' || At(b, j) == '~')
            {
                var r = Cmp(At(a, i) != '~', At(b, j) != '~');
                if (r != 0) return r;
                i++; j++;
            }
            if (i >= a.Length || j >= b.Length)
                return Math.Sign(string.CompareOrdinal(a[Math.Min(i, a.Length)..], b[Math.Min(j, b.Length)..]));
            foreach (var (sep, newerWhenPresent) in Separators)
            {
                if (At(a, i) != sep && At(b, j) != sep) continue;
                var r = newerWhenPresent ? Cmp(At(a, i) == sep, At(b, j) == sep)
                    : Cmp(At(a, i) != sep, At(b, j) != sep);
                if (r != 0) return r;
                i++; j++;
            }
            int ai = i, bj = j;
            if (char.IsAsciiDigit(At(a, i)) || char.IsAsciiDigit(At(b, j)))
            {
                while (ai < a.Length && char.IsAsciiDigit(a[ai])) ai++;
                while (bj < b.Length && char.IsAsciiDigit(b[bj])) bj++;
                var r = Cmp(ai != i, bj != j);
                if (r != 0) return r;
                while (i < a.Length && a[i] == '0') i++;
                while (j < b.Length && b[j] == '0') j++;
                r = (ai - i).CompareTo(bj - j);
                if (r != 0) return Math.Sign(r);
                r = Math.Sign(string.CompareOrdinal(a, i, b, j, ai - i));
                if (r != 0) return r;
            }
            else
            {
                while (ai < a.Length && char.IsAsciiLetter(a[ai])) ai++;
                while (bj < b.Length && char.IsAsciiLetter(b[bj])) bj++;
                var r = Math.Sign(string.CompareOrdinal(a, i, b, j, Math.Min(ai - i, bj - j)));
                if (r != 0) return r;
                r = (ai - i).CompareTo(bj - j);
                if (r != 0) return Math.Sign(r);
            }
            i = ai;
            j = bj;
        }
    }

    // '-' (release) and '^' (patch) make a string older, '.' (point release) newer, checked in this order.
    private static readonly (char Sep, bool NewerWhenPresent)[] Separators = [('-', false), ('^', false), ('.', true)];

    private static bool IsVersionChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '~' or '-' or '^' or '.';

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static int Cmp(bool x, bool y) => x == y ? 0 : x ? 1 : -1;
}
