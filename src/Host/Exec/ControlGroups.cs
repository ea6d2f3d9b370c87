using System.Globalization;

namespace Platform.Host.Exec;

/// <summary>
/// A writable cgroup2 hierarchy (Docker with a private cgroup namespace, a delegated subtree): each service gets its own
/// group, so a process that leaves its session and parent (setsid + fork) stays a member and <c>stop</c> finds it.
/// Only names and files: nothing here enables controllers, so the "no internal processes" rule never applies.
/// </summary>
public sealed class ControlGroups
{
    private static readonly Lock SpawnLock = new();

    private ControlGroups(string mount) => Mount = mount;

    /// <summary>Where the hierarchy is mounted (<c>/sys/fs/cgroup</c>, under <c>--root</c> inside the root).</summary>
    public string Mount { get; }

    /// <summary>The hierarchy at <paramref name="mount"/> when it is cgroup2 and this process may create groups in it.</summary>
    public static ControlGroups? Open(string mount)
    {
        // cgroup.controllers exists only in cgroup2 (a v1 or hybrid /sys/fs/cgroup is a tmpfs of per-controller mounts).
        if (!File.Exists(Path.Combine(mount, "cgroup.controllers"))) return null;
        if (Native.LibC.geteuid() != 0) return null;
        return new ControlGroups(mount);
    }

    /// <summary>
    /// The group of <paramref name="unit"/> in <paramref name="slice"/> as systemd names it: slices nest by their dashes
    /// (<c>a-b.slice</c> lives in <c>a.slice</c>), e.g. <c>/system.slice/nginx.service</c>.
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

    /// <summary>Creates the group (and its slices); false when the hierarchy refuses (read-only, not delegated).</summary>
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
                if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0) pids.Add(pid);
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
    /// Runs <paramref name="spawn"/> with this process inside <paramref name="directory"/>, so the child is born a member
    /// (there is no managed code between fork and exec to move it, and a move after spawn would race its first fork).
    /// Serialised: membership is per process, not per thread.
    /// </summary>
    public static T SpawnInside<T>(string directory, Func<T> spawn)
    {
        lock (SpawnLock)
        {
            // Without a way back (our group outside this namespace's view), stay put: the heuristics still find the child.
            if (OwnGroupDirectory(directory) is not { } home) return spawn();
            var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            try { File.WriteAllText(Path.Combine(directory, "cgroup.procs"), self); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return spawn(); }
            try { return spawn(); }
            finally
            {
                try { File.WriteAllText(Path.Combine(home, "cgroup.procs"), self); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
        }
    }

    /// <summary>This process's own group, found from <c>/proc/self/cgroup</c> relative to the mount that holds <paramref name="target"/>.</summary>
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
                while (Path.GetDirectoryName(mount) is { } parent && File.Exists(Path.Combine(parent, "cgroup.controllers"))) mount = parent;
                return relative == "/" ? mount : mount + relative;
            }
        }
        catch (IOException) { }
        return null;
    }
}
