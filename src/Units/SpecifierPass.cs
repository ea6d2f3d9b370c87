using Platform.Abstractions;

namespace Platform.Units;

/// <summary>
/// Expands specifiers in the settings of a loaded unit. Like systemd, an unresolvable specifier in a command line
/// or a folder setting makes the unit unusable; anywhere else the assignment is dropped with a warning.
/// Unknown sections and <c>X-</c> keys are left as written (systemd never parses them).
/// </summary>
internal static class SpecifierPass
{
    private static readonly string[] FatalKeys = ["WorkingDirectory", "RootDirectory", "RootImage", "PIDFile"];

    /// <summary>Rewrites <paramref name="settings"/> in place; returns the fatal error line, or null.</summary>
    public static string? Apply(List<UnitSetting> settings, string type, SpecifierExpander expander,
        Action<string> warn)
    {
        for (var i = 0; i < settings.Count; i++)
        {
            var s = settings[i];
            if (!s.Value.Contains('%') || !UnitChecks.IsKnownSection(s.Section, type)
                || s.Section.StartsWith("X-", StringComparison.Ordinal)
                    || s.Key.StartsWith("X-", StringComparison.Ordinal))
                continue;
            if (expander.TryExpand(s.Value, out var expanded, out var error))
            {
                settings[i] = s with { Value = expanded };
                continue;
            }
            var where = UnitChecks.Where(s);
            if (UnitChecks.IsExecKey(s.Key))
                return $"{where}Failed to resolve unit specifiers in {FailingWord(s.Value, expander)}: {error}";
            if (s.Key == "WorkingDirectory")
                return $"{where}Failed to resolve unit specifiers in working directory path '{s.Value}': {error}";
            if (Array.IndexOf(FatalKeys, s.Key) >= 0)
                return $"{where}Failed to resolve unit specifiers in '{s.Value}': {error}";
            warn(s.Key == "Environment"
                ? $"{where}Failed to resolve specifiers in {FailingWord(s.Value, expander)}, ignoring: {error}"
                : $"{where}Failed to resolve unit specifiers in '{s.Value}', ignoring: {error}");
            settings.RemoveAt(i--);
        }
        return null;
    }

    /// <summary>systemd resolves word lists word by word and names the word that failed.</summary>
    private static string FailingWord(string value, SpecifierExpander expander)
    {
        foreach (var word in value.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            if (!expander.TryExpand(word, out _, out _)) return word;
        return value;
    }
}
