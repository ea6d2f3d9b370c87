using Platform.Units;

namespace Platform.Host.Generators;

/// <summary>
/// The generator executables of a manager, as systemd.generator(7) lists them: every file of the generator folders
/// (under the root), one per file name, the earliest folder winning; a link to <c>/dev/null</c> or an empty file there
/// masks the name. Sorted by name (they run in parallel, so the order only makes the output stable).
/// </summary>
internal static class GeneratorSet
{
    // Generator folders in systemd's precedence: unlike the unit load path, /run comes before /etc.
    private static readonly string[] SystemFolders =
        ["/run/systemd/system-generators", "/etc/systemd/system-generators", "/usr/local/lib/systemd/system-generators",
         "/usr/lib/systemd/system-generators", "/lib/systemd/system-generators"];

    private static readonly string[] UserFolders =
        ["/run/systemd/user-generators", "/etc/systemd/user-generators", "/usr/local/lib/systemd/user-generators",
         "/usr/lib/systemd/user-generators", "/lib/systemd/user-generators"];

    /// <summary>The in-root folders searched for <paramref name="paths"/>'s mode.</summary>
    public static IReadOnlyList<string> Folders(UnitPaths paths) => paths.IsUser ? UserFolders : SystemFolders;

    /// <summary>The executables to run, as on-disk paths.</summary>
    public static IReadOnlyList<string> Find(UnitPaths paths)
    {
        var byName = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var seenFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in Folders(paths))
        {
            // /lib → usr/lib on merged-/usr systems: the same folder is read once.
            if (!seenFolders.Add(RootedPath.Canonicalize(paths.Root, folder))) continue;
            var onDisk = paths.Under(folder);
            if (!Directory.Exists(onDisk)) continue;
            foreach (var file in Directory.EnumerateFileSystemEntries(onDisk))
            {
                var name = Path.GetFileName(file);
                if (name.StartsWith('.') || byName.ContainsKey(name)) continue;
                byName[name] = IsMask(file) ? null : file;
            }
        }
        var result = new List<string>();
        foreach (var file in byName.Values)
            if (file is not null && IsExecutableFile(file)) result.Add(file);
        return result;
    }

    private static bool IsMask(string file)
    {
        var info = new FileInfo(file);
        if (info.LinkTarget == "/dev/null") return true;
        return info.Exists && info.Length == 0 && info.LinkTarget is null;
    }

    private static bool IsExecutableFile(string file)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists) return false; // a directory or a dangling link
            return (info.UnixFileMode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute
                | UnixFileMode.OtherExecute)) != 0;
        }
        catch (IOException) { return false; }
    }
}
