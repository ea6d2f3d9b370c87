using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Units;

/// <summary>
/// Path arithmetic inside a root folder (<c>--root</c>): symlinks with absolute targets are taken
/// relative to the root, as a chroot would see them, so a tree never points back into the host.
/// </summary>
public static class RootedPath
{
    /// <summary>
    /// The on-disk path of <paramref name="inRoot"/> (an absolute path inside <paramref name="root"/>).
    /// </summary>
    public static string Under(string root, string inRoot)
    {
        if (root == "/") return inRoot;
        return inRoot == "/" ? root : root + inRoot;
    }

    /// <summary>
    /// The in-root path of an on-disk path under <paramref name="root"/>; paths outside the root are returned
    /// unchanged.
    /// </summary>
    public static string InRoot(string root, string onDisk)
    {
        if (root == "/") return onDisk;
        if (onDisk == root) return "/";
        if (onDisk.Length > root.Length && onDisk.StartsWith(root, StringComparison.Ordinal)
            && onDisk[root.Length] == '/')
            return onDisk[root.Length..];
        return onDisk;
    }

    /// <summary>Removes <c>.</c>, <c>..</c> and duplicate slashes of an absolute path (never above <c>/</c>).</summary>
    public static string Normalize(string absolute)
    {
        var parts = new List<string>();
        foreach (var p in absolute.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (p == ".") continue;
            if (p == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(p);
        }
        return "/" + string.Join('/', parts);
    }

    /// <summary>The in-root absolute path a link target denotes, given the in-root folder holding the link.</summary>
    public static string ResolveTarget(string linkFolderInRoot, string target)
        => Normalize(target.StartsWith('/') ? target : linkFolderInRoot + "/" + target);

    /// <summary>
    /// Follows every symlink in every component of <paramref name="inRoot"/> (at most 40 hops) and returns the
    /// canonical in-root path; missing trailing components are kept as they are.
    /// </summary>
    public static string Canonicalize(string root, string inRoot)
    {
        var pending = new Stack<string>();
        PushReversed(pending, Normalize(inRoot));
        var current = "";
        var hops = 0;
        var missing = false; // below a component that does not exist, nothing is a link: no readlink to ask
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                current = current.Length == 0 ? "" : current[..current.LastIndexOf('/')];
                missing = false;
                continue;
            }
            var candidate = current + "/" + part;
            string? target = null;
            if (hops < 40 && !missing)
            {
                target = LibC.ReadLink(Under(root, candidate));
                missing = target is null && Marshal.GetLastPInvokeError() is LibC.ENOENT or LibC.ENOTDIR;
            }
            if (target is null) { current = candidate; continue; }
            hops++;
            if (target.StartsWith('/')) current = "";
            PushReversed(pending, target);
        }
        return current.Length == 0 ? "/" : current;
    }

    private static void PushReversed(Stack<string> stack, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--) stack.Push(parts[i]);
    }

    /// <summary>Whether a link target names the null device, the marker of a masked unit.</summary>
    public static bool IsDevNull(string target) => target == "/dev/null";

    /// <summary>The file name part of a path.</summary>
    public static string FileName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    /// <summary>The folder part of an absolute path (<c>/</c> for top-level entries).</summary>
    public static string Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }
}
