namespace Platform.Units;

/// <summary>
/// Finds SysV scripts in <c>ROOT/etc/init.d</c> and whether an <c>/etc/rc[2-5].d/S*</c> link starts them.
/// </summary>
internal static class SysVLookup
{
    /// <summary>
    /// The script on disk that provides <paramref name="serviceName"/>, or null. Only an executable script becomes a
    /// unit; <paramref name="anyMode"/> also finds a non-executable one, which systemd-sysv-install still answers
    /// is-enabled for.
    /// </summary>
    public static string? Find(UnitPaths paths, string serviceName, bool anyMode = false)
    {
        if (UnitNames.TypeOf(serviceName) != "service" || UnitNames.IsInstance(serviceName)
            || UnitNames.IsTemplate(serviceName)) return null;
        var bare = UnitNames.WithoutSuffix(serviceName);
        foreach (var candidate in (string[])[bare, bare + ".sh"])
        {
            var path = Path.Join(paths.InitDirectory, candidate);
            if (SysVScript.ServiceName(candidate) == serviceName
                && (anyMode ? File.Exists(path) : IsExecutableFile(path))) return path;
        }
        return null;
    }

    /// <summary>Every service name the init.d folder provides (executable, not hidden or a backup).</summary>
    public static IEnumerable<string> All(UnitPaths paths)
    {
        if (paths.IsUser || !Directory.Exists(paths.InitDirectory)) yield break;
        foreach (var file in Directory.EnumerateFiles(paths.InitDirectory))
            if (SysVScript.ServiceName(Path.GetFileName(file)) is { } name && IsExecutableFile(file)) yield return name;
    }

    /// <summary>
    /// Whether a start link (<c>S##NAME</c>) for the script exists in one of the multi-user runlevels 2 to 5.
    /// </summary>
    public static bool IsEnabled(UnitPaths paths, string scriptFileName)
    {
        for (var level = 2; level <= 5; level++)
        {
            var dir = paths.Under($"/etc/rc{level}.d");
            if (!Directory.Exists(dir)) continue;
            foreach (var link in Directory.EnumerateFileSystemEntries(dir, "S*"))
            {
                var file = Path.GetFileName(link);
                if (file.Length == scriptFileName.Length + 3 && char.IsAsciiDigit(file[1]) && char.IsAsciiDigit(file[2])
                    && file.EndsWith(scriptFileName, StringComparison.Ordinal))
                    return true;
            }
        }
        return false;
    }

    private static bool IsExecutableFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && (info.UnixFileMode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute
                | UnixFileMode.OtherExecute)) != 0;
        }
        catch (IOException) { return false; }
    }
}
