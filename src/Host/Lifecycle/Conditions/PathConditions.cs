using Platform.Interop;
using Platform.Units;

namespace Platform.Host.Lifecycle.Conditions;

/// <summary>The file-system conditions (systemd 252, condition.c), each path taken inside the managed root.</summary>
internal sealed class PathConditions(Func<string, string> under)
{
    // dir_is_empty(ignore_hidden_or_backup=true) skips these (hidden_or_backup_file()).
    private static readonly string[] BackupSuffixes =
    [
        "rpmnew", "rpmsave", "rpmorig", "dpkg-old", "dpkg-new", "dpkg-tmp", "dpkg-dist", "dpkg-bak", "dpkg-backup",
        "dpkg-remove", "ucf-new", "ucf-old", "ucf-dist", "swp", "bak", "old", "new",
    ];

    public bool? Test(string kind, string path) => kind switch
    {
        // access(F_OK) follows links: a dangling link does not exist.
        "PathExists" => LibC.access(Real(path), LibC.F_OK) == 0,
        "PathExistsGlob" => GlobExists(path),
        "PathIsDirectory" => LibC.Stat(Real(path), true, out var d) && d.Type == LibC.S_IFDIR,
        "PathIsSymbolicLink" => LibC.Stat(under(path), false, out var l) && l.Type == LibC.S_IFLNK,
        "PathIsMountPoint" => IsMountPoint(path),
        "PathIsReadWrite" => LibC.IsWritableMount(Real(path)),
        "PathIsEncrypted" => IsEncrypted(path),
        "DirectoryNotEmpty" => DirectoryNotEmpty(path),
        "FileNotEmpty" => LibC.Stat(Real(path), true, out var f) && f.Type == LibC.S_IFREG && f.Size > 0,
        "FileIsExecutable" => LibC.Stat(Real(path), true, out var x) && x.Type == LibC.S_IFREG
            && (x.Mode & 0b001_001_001) != 0,
        "NeedsUpdate" => NeedsUpdate(path),
        _ => null,
    };

    /// <summary>
    /// The path on disk with its links resolved inside the root (an absolute link target means the root's /).
    /// </summary>
    private string Real(string path)
    {
        var root = under("");
        return root.Length == 0 ? path : under(RootedPath.Canonicalize(root, path));
    }

    private bool GlobExists(string pattern)
    {
        var parts = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Expand("/", parts, 0);
    }

    private bool Expand(string dir, string[] parts, int index)
    {
        if (index == parts.Length) return LibC.access(Real(dir), LibC.F_OK) == 0;
        var part = parts[index];
        var next = dir == "/" ? "/" : dir + "/";
        if (!Glob.HasWildcards(part)) return Expand(next + part, parts, index + 1);
        string[] names;
        try { names = Directory.GetFileSystemEntries(Real(dir)).Select(Path.GetFileName).OfType<string>().ToArray(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        foreach (var name in names)
        {
            // glob(3): a wildcard never matches a leading dot.
            if (name.StartsWith('.') && !part.StartsWith('.')) continue;
            if (Glob.IsMatch(part, name) && Expand(next + name, parts, index + 1)) return true;
        }
        return false;
    }

    private bool IsMountPoint(string path)
    {
        var real = Real(path);
        if (real.Length > 1) real = real.TrimEnd('/');
        if (!Path.Exists(real)) return false;
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            var parts = line.Split(' ');
            if (parts.Length > 4 && Unescape(parts[4]) == real) return true;
        }
        return false;
    }

    private static string Unescape(string mountinfoPath)
        => mountinfoPath.Replace("\\040", " ").Replace("\\011", "\t").Replace("\\012", "\n").Replace("\\134", "\\");

    private bool DirectoryNotEmpty(string path)
    {
        var real = Real(path);
        if (!Directory.Exists(real)) return false;
        try
        {
            return Directory.EnumerateFileSystemEntries(real).Select(Path.GetFileName)
                .Any(n => n is not null && !HiddenOrBackup(n));
        }
        // systemd: any error but "missing" or "not a directory" counts as not empty.
        catch (UnauthorizedAccessException) { return true; }
    }

    private static bool HiddenOrBackup(string name)
    {
        if (name.StartsWith('.') || name is "lost+found" or "aquota.user" or "aquota.group" || name.EndsWith('~'))
            return true;
        var dot = name.LastIndexOf('.');
        return dot >= 0 && Array.IndexOf(BackupSuffixes, name[(dot + 1)..]) >= 0;
    }

    /// <summary>
    /// Whether the block device under the path is dm-crypt, directly or through the devices it sits on.
    /// </summary>
    private bool IsEncrypted(string path)
    {
        if (!LibC.Stat(Real(path), true, out var st)) return false;
        return BlockIsEncrypted($"/sys/dev/block/{st.DeviceMajor}:{st.DeviceMinor}", 0);
    }

    private static bool BlockIsEncrypted(string sysPath, int depth)
    {
        if (depth > 8 || !Directory.Exists(sysPath)) return false;
        try
        {
            if (File.Exists(sysPath + "/dm/uuid") && File.ReadAllText(sysPath + "/dm/uuid")
                .StartsWith("CRYPT-", StringComparison.Ordinal)) return true;
            if (!Directory.Exists(sysPath + "/slaves")) return false;
            return Directory.EnumerateFileSystemEntries(sysPath + "/slaves").Any(s => BlockIsEncrypted(s, depth + 1));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>
    /// /etc or /var needs an update when /usr is newer than its <c>.updated</c> stamp (or the stamp is missing).
    /// </summary>
    private bool NeedsUpdate(string path)
    {
        if (LibC.IsReadOnlyMount(Real(path))) return false;
        if (!LibC.Stat(Real(path) + "/.updated", false, out var stamp)) return true;
        if (!LibC.Stat(Real("/usr"), false, out var usr)) return true;
        if (usr.ModifiedSeconds != stamp.ModifiedSeconds) return usr.ModifiedSeconds > stamp.ModifiedSeconds;
        return usr.ModifiedNanoseconds > stamp.ModifiedNanoseconds;
    }
}
