using Platform.Abstractions;
namespace Platform.Host.Plugins;

/// <summary>
/// Refuses third-party plugin files someone else could have replaced, as sudo refuses unsafe files: every folder and
/// file must be owned by root or the invoking (effective) user and must not be writable by group or others.
/// </summary>
internal static class PluginSafety
{
    /// <summary>Why <paramref name="path"/> is unsafe, or null when it is safe.</summary>
    public static string? Problem(string path)
    {
        if (PosixFile.Examine(path) is not var (uid, mode)) return $"cannot examine {path}";
        if ((mode & 0b000_010_010) != 0) return $"{path} is writable by group or others";
        if (uid != 0 && uid != PosixFile.EffectiveUserId)
            return $"{path} is owned by uid {uid}, neither root nor the invoking user";
        return null;
    }

    /// <summary>Checks a plugin folder and everything below it; the first problem found, or null.</summary>
    public static string? ProblemInTree(string folder)
    {
        if (Problem(folder) is { } own) return own;
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
                if (Problem(entry) is { } problem) return problem;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read {folder}: {ErrorText.Describe(e)}";
        }
        return null;
    }
}
