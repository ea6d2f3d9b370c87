using Platform.Host.Cli;

namespace Platform.Host.Commands.Query;

/// <summary>The unit types systemd knows, for <c>-t/--type</c> (which also accepts load states in systemctl).</summary>
internal static class UnitTypes
{
    public static readonly string[] All =
        ["service", "mount", "swap", "socket", "target", "device", "automount", "timer", "path", "slice", "scope"];

    /// <summary>
    /// The entries of <paramref name="types"/> that are unit types; others (load states) are not type filters.
    /// </summary>
    public static IReadOnlyCollection<string> Only(IReadOnlyList<string> types)
    {
        var result = new List<string>();
        foreach (var t in types)
            if (Array.IndexOf(All, t) >= 0) result.Add(t);
        return result;
    }

    /// <summary>
    /// The entries of <c>-t</c> that are not unit types: systemctl treats them as extra state filters.
    /// </summary>
    public static IReadOnlyList<string> NonTypes(IReadOnlyList<string> types)
    {
        var result = new List<string>();
        foreach (var t in types)
            if (Array.IndexOf(All, t) < 0) result.Add(t);
        return result;
    }

    private static readonly string[] LoadStates = ["stub", "loaded", "not-found", "bad-setting", "error", "merged",
        "masked"];

    /// <summary>
    /// The first <c>-t</c> value that is neither a unit type nor a load state, or null when all are valid.
    /// </summary>
    public static string? FirstInvalid(IReadOnlyList<string> types)
    {
        foreach (var t in types)
            if (Array.IndexOf(All, t) < 0 && Array.IndexOf(LoadStates, t) < 0) return t;
        return null;
    }

    /// <summary>systemctl's two-line complaint about a bad <c>-t</c> value; exit code 1.</summary>
    public static int Reject(HostContext ctx, string value)
    {
        ctx.Err.WriteLine($"Unknown unit type or load state '{value}'.");
        ctx.Err.WriteLine("Use -t help to see a list of allowed values.");
        return ExitCodes.Failure;
    }
}
