namespace Platform.Host.Plugins;

/// <summary>
/// The rule for every folder the manager trusts (plugin folders, the status, runtime and lock folders), as sudo and
/// OpenSSH check the paths they trust: the folder and each of its parents, examined with lstat(2), must be owned by
/// root or the caller; the folder must not be writable by group or others, and a parent only when its sticky bit keeps
/// others from renaming what we own inside it (<c>/tmp</c>). A symbolic link on the way is judged by its folder and its
/// target.
/// </summary>
internal static class TrustedPath
{
    private const uint GroupOrOtherWrite = 0b000_010_010;

    /// <summary>
    /// Why <paramref name="folder"/> or one of its parents cannot be trusted, or null when all are safe.
    /// </summary>
    /// <param name="folder">The folder to check.</param>
    /// <param name="parentsOnly">Check only the parents (the folder itself is checked by a stricter rule
    /// elsewhere).</param>
    public static string? Problem(string folder, bool parentsOnly = false)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (parentsOnly) full = Path.GetDirectoryName(full) ?? "/";
        var leaf = !parentsOnly;
        var problem = ChainProblem(full, leaf, out var sawLink);
        if (problem is not null || !sawLink) return problem;
        // Judge the folders a link leads through too: the link itself only says where to look.
        try { return ChainProblem(RealPath(full), leaf, out _); }
        catch (IOException) { return $"cannot resolve {full}"; }
    }

    /// <summary>Why the file or folder <paramref name="path"/> itself (not its parents) is unsafe, or null.</summary>
    public static string? EntryProblem(string path, bool isLeaf)
    {
        if (PosixFile.ExamineLink(path) is not var (uid, mode)) return $"cannot examine {path}";
        if ((mode & PosixFile.TypeMask) == PosixFile.SymbolicLink) return null;
        if (uid != 0 && uid != PosixFile.EffectiveUserId)
            return $"{path} is owned by uid {uid}, neither root nor the invoking user";
        if ((mode & GroupOrOtherWrite) == 0) return null;
        if (!isLeaf && (mode & PosixFile.TypeMask) == PosixFile.Directory && (mode & PosixFile.Sticky) != 0)
            return null;
        return $"{path} is writable by group or others";
    }

    private static string? ChainProblem(string full, bool leaf, out bool sawLink)
    {
        sawLink = false;
        var parts = full.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (EntryProblem("/", leaf && parts.Length == 0) is { } top) return top;
        var at = "";
        for (var i = 0; i < parts.Length; i++)
        {
            at += "/" + parts[i];
            if (PosixFile.ExamineLink(at) is { } s && (s.Mode & PosixFile.TypeMask) == PosixFile.SymbolicLink)
                sawLink = true;
            if (EntryProblem(at, leaf && i == parts.Length - 1) is { } problem) return problem;
        }
        return null;
    }

    // Resolves every link on the way (ResolveLinkTarget only follows the last component).
    private static string RealPath(string full)
    {
        var parts = full.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = "/";
        for (var hops = 0; hops < 40 && parts.Length > 0; hops++)
        {
            var resolved = "/";
            var restarted = false;
            for (var i = 0; i < parts.Length; i++)
            {
                var next = Path.Join(resolved, parts[i]);
                var target = new FileInfo(next).LinkTarget;
                if (target is null) { resolved = next; continue; }
                var joined = Path.GetFullPath(target, resolved);
                parts = [.. joined.Split('/', StringSplitOptions.RemoveEmptyEntries), .. parts[(i + 1)..]];
                restarted = true;
                break;
            }
            at = resolved;
            if (!restarted) return at;
        }
        return at;
    }
}
