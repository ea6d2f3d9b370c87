using Platform.Abstractions;

namespace Platform.Units;

/// <summary>
/// The condition kinds that take a path, and systemd 252's load-time check of them: a relative path is dropped
/// with "ConditionX= path is not absolute, ignoring: P" (the <c>|</c> and <c>!</c> prefixes are not part of the path).
/// </summary>
public static class ConditionPaths
{
    private static readonly string[] PathKinds =
    [
        "PathExists", "PathExistsGlob", "PathIsDirectory", "PathIsSymbolicLink", "PathIsMountPoint", "PathIsReadWrite",
        "PathIsEncrypted", "DirectoryNotEmpty", "FileNotEmpty", "FileIsExecutable", "NeedsUpdate",
    ];

    /// <summary>Whether a condition kind (the key without <c>Condition</c>/<c>Assert</c>) names a path.</summary>
    public static bool TakesPath(string kind) => Array.IndexOf(PathKinds, kind) >= 0;

    /// <summary>
    /// The value without its <c>|</c> and <c>!</c> prefixes (and the blanks after them), as systemd strips them.
    /// </summary>
    public static string Bare(string value)
    {
        var v = value;
        if (v.StartsWith('|')) v = v[1..].TrimStart(' ', '\t', '\n', '\r');
        if (v.StartsWith('!')) v = v[1..].TrimStart(' ', '\t', '\n', '\r');
        return v;
    }

    /// <summary>
    /// Drops path conditions with a relative path from <paramref name="settings"/>, warning through
    /// <paramref name="warn"/>.
    /// </summary>
    internal static void Apply(List<UnitSetting> settings, Action<string>? warn)
    {
        for (var i = 0; i < settings.Count; i++)
        {
            var s = settings[i];
            if (s.Section != "Unit" || s.Value.Length == 0 || !TakesPath(Kind(s.Key))) continue;
            var path = Bare(s.Value);
            if (path.StartsWith('/')) continue;
            warn?.Invoke($"{UnitChecks.Where(s)}{s.Key}= path is not absolute, ignoring: {path}");
            settings.RemoveAt(i--);
        }
    }

    private static string Kind(string key)
        => key.StartsWith("Condition", StringComparison.Ordinal) ? key["Condition".Length..]
            : key.StartsWith("Assert", StringComparison.Ordinal) ? key["Assert".Length..] : "";
}
