using Platform.Abstractions;
using Platform.Exec;
using Platform.Interop;

namespace Platform.Host.Lifecycle;

/// <summary>
/// RuntimeDirectory=, StateDirectory=, CacheDirectory=, LogsDirectory= and ConfigurationDirectory= (systemd.exec(5)):
/// created below their base folder before the first command runs, with the *Mode= and the unit's User=/Group=.
/// </summary>
internal static class UnitDirectories
{
    /// <summary>
    /// The setting, its base folder inside the managed system, and the environment variable it fills.
    /// </summary>
    public static readonly (string Setting, string Base, string Kind)[] Kinds =
    [
        ("RuntimeDirectory", "/run", "runtime"),
        ("StateDirectory", "/var/lib", "state"),
        ("CacheDirectory", "/var/cache", "cache"),
        ("LogsDirectory", "/var/log", "logs"),
        ("ConfigurationDirectory", "/etc", "configuration"),
    ];

    /// <summary>The absolute paths (as the service sees them) a setting names.</summary>
    public static List<string> Paths(UnitDefinition unit, string setting, string baseDir)
    {
        var list = new List<string>();
        foreach (var word in unit.GetWords("Service", setting))
        {
            var relative = word.Split(':')[0].Trim('/');
            if (relative.Length > 0 && !relative.Contains("..", StringComparison.Ordinal))
                list.Add(baseDir + "/" + relative);
        }
        return list;
    }

    /// <summary>
    /// Creates every configured folder under <paramref name="under"/> (the root mapping); throws ServiceStartException
    /// on failure.
    /// </summary>
    public static void Create(UnitDefinition unit, Func<string, string> under)
    {
        UserCredentials? owner = null;
        if (UnitExecSettings.HasCredentials(unit))
            owner = UnitExecSettings.Credentials(unit);
        foreach (var (setting, baseDir, _) in Kinds)
        {
            var mode = ParseMode(unit.Get("Service", setting + "Mode")) ?? 0b111_101_101u;
            foreach (var path in Paths(unit, setting, baseDir))
            {
                var real = under(path);
                try
                {
                    Directory.CreateDirectory(real);
                    File.SetUnixFileMode(real, (UnixFileMode)mode);
                    if (owner is { } o && Environment.IsPrivilegedProcess) LibC.chown(real, o.Uid, o.Gid);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new ServiceStartException($"Failed to set up {setting}={path}: {ErrorText.Describe(e)}");
                }
            }
        }
    }

    /// <summary>
    /// Removes the folders of the given kinds (runtime on stop unless preserved; any for <c>clean</c>).
    /// </summary>
    public static void Remove(UnitDefinition unit, Func<string, string> under, IEnumerable<string> kinds)
    {
        foreach (var (setting, baseDir, kind) in Kinds)
        {
            if (!kinds.Contains(kind)) continue;
            foreach (var path in Paths(unit, setting, baseDir))
            {
                try { if (Directory.Exists(under(path))) Directory.Delete(under(path), recursive: true); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
        }
    }

    private static uint? ParseMode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return Convert.ToUInt32(text.Trim(), 8); }
        catch (FormatException) { return null; }
    }
}
