using System.Globalization;
using Platform.Interop;

namespace Platform.Exec;

/// <summary>
/// A writable cgroup2 hierarchy (Docker with a private cgroup namespace, a delegated subtree): each service gets its
/// own group, so a process that leaves its session and parent (setsid + fork) stays a member and <c>stop</c> finds it.
/// Only names and files: nothing here enables controllers, so the "no internal processes" rule never applies.
/// </summary>
internal sealed class ControlGroups
{
    private ControlGroups(string mount) => Mount = mount;

    /// <summary>Where the hierarchy is mounted (<c>/sys/fs/cgroup</c>, under <c>--root</c> inside the root).</summary>
    public string Mount { get; }

    /// <summary>
    /// The hierarchy at <paramref name="mount"/> when it is cgroup2 and this process may create groups in it.
    /// </summary>
    public static ControlGroups? Open(string mount)
    {
        // cgroup.controllers exists only in cgroup2 (a v1 or hybrid /sys/fs/cgroup is a tmpfs of per-controller
        // mounts).
        if (!File.Exists(Path.Combine(mount, "cgroup.controllers"))) return null;
        if (LibC.geteuid() != 0) return null;
        return new ControlGroups(mount);
    }

    /// <summary>
    /// The group of <paramref name="unit"/> in <paramref name="slice"/> as systemd names it: slices nest by their
    /// dashes (<c>a-b.slice</c> lives in <c>a.slice</c>), e.g. <c>/system.slice/nginx.service</c>.
    /// </summary>
    public static string Name(string slice, string unit)
    {
        var path = "";
        if (slice != "-.slice" && slice.EndsWith(".slice", StringComparison.Ordinal))
        {
            var stem = slice[..^".slice".Length];
            for (var dash = stem.IndexOf('-'); dash >= 0; dash = stem.IndexOf('-', dash + 1))
                path += "/" + stem[..dash] + ".slice";
            path += "/" + slice;
        }
        return path + "/" + unit;
    }

    /// <summary>The directory of group <paramref name="name"/> (as <see cref="Name"/> gives it).</summary>
    public string PathOf(string name) => Mount + name;

    /// <summary>
    /// Creates the group (and its slices); false when the hierarchy refuses (read-only, not delegated).
    /// </summary>
    public bool Create(string name)
    {
        try
        {
            Directory.CreateDirectory(PathOf(name));
            return File.Exists(Path.Combine(PathOf(name), "cgroup.procs"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>Every process in the group directory <paramref name="directory"/> and the groups below it.</summary>
    public static List<int> Members(string directory)
    {
        var pids = new List<int>();
        try
        {
            foreach (var line in File.ReadLines(Path.Combine(directory, "cgroup.procs")))
                if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0)
                    pids.Add(pid);
            foreach (var child in Directory.EnumerateDirectories(directory)) pids.AddRange(Members(child));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return pids;
    }

    /// <summary>Removes the group when nothing is left in it (its slices stay, as systemd's do while loaded).</summary>
    public static void RemoveIfEmpty(string directory)
    {
        try
        {
            foreach (var child in Directory.EnumerateDirectories(directory)) RemoveIfEmpty(child);
            Directory.Delete(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Moves this process into <paramref name="directory"/> so that what it spawns next is born a member (there is no
    /// managed code between fork and exec to move the child, and a move after spawn would race its first fork).
    /// Returns the group to <see cref="Leave"/> for, or null when it stayed put: without a way back (its group outside
    /// this namespace's view) or a group that refuses it, the /proc heuristics still find the child. Membership is per
    /// process: the caller holds the spawner's lock until it has left.
    /// </summary>
    public static string? Enter(string directory)
    {
        if (OwnGroupDirectory(directory) is not { } home) return null;
        try
        {
            File.WriteAllText(Path.Combine(directory, "cgroup.procs"), Self);
            return home;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>Moves this process back into <paramref name="home"/>, the group <see cref="Enter"/> returned.</summary>
    public static void Leave(string home)
    {
        try { File.WriteAllText(Path.Combine(home, "cgroup.procs"), Self); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static string Self => Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// This process's own group, found from <c>/proc/self/cgroup</c> relative to the mount that holds
    /// <paramref name="target"/>.
    /// </summary>
    private static string? OwnGroupDirectory(string target)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/cgroup"))
            {
                if (!line.StartsWith("0::", StringComparison.Ordinal)) continue;
                var relative = line[3..].TrimEnd();
                if (relative.Contains("/..", StringComparison.Ordinal)) return null;
                // The mount is the part of target above its group path: walk up until cgroup.controllers says root.
                var mount = target;
                while (Path.GetDirectoryName(mount) is { } parent
                    && File.Exists(Path.Combine(parent, "cgroup.controllers"))) mount = parent;
                return relative == "/" ? mount : mount + relative;
            }
        }
        catch (IOException) { }
        return null;
    }
}
