using System.Diagnostics;
using System.Globalization;

namespace Platform.TestSupport;

/// <summary>
/// A private cgroup2 hierarchy for one sandbox, as Docker gives a container with its own cgroup namespace: a fresh
/// group on the host's cgroup2 mount becomes the root of a new cgroup namespace, mounted at ROOT/sys/fs/cgroup in a
/// private mount namespace held by a sleeping PID 1. Commands run inside through nsenter after joining the group.
/// Disposing kills the namespace's PID 1 (and so everything in it) and removes the groups.
/// </summary>
public sealed class ControlGroupNamespace : IDisposable
{
    private readonly Process _holder;

    public ControlGroupNamespace(ServiceSandbox box)
    {
        Box = box;
        Group = Path.Join(HostMount!, "platform-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Group);
        var mount = box.Root.Combine("/sys/fs/cgroup");
        var start = new ProcessStartInfo("sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(
            $"echo $$ > '{Group}/cgroup.procs' && exec unshare --mount --cgroup --pid --fork --mount-proc "
                + $"--propagation private "
            + $"sh -c \"mkdir -p '{mount}' && mount -t cgroup2 none '{mount}' && exec sleep 100000\"");
        _holder = Process.Start(start)!;
        if (!ServiceSandbox.WaitFor(() => Pid1() > 0 && Mounted(Pid1(), mount), TimeSpan.FromSeconds(10)))
        {
            // The test never gets to dispose a fixture whose constructor throws: end what was started here.
            Dispose();
            throw new InvalidOperationException("the cgroup namespace did not come up");
        }
    }

    public ServiceSandbox Box { get; }

    /// <summary>The group on the host that is the namespace's cgroup root.</summary>
    public string Group { get; }

    /// <summary>
    /// The host's writable cgroup2 mount (a pure v2 /sys/fs/cgroup, or the hybrid layout's unified one), or null.
    /// </summary>
    public static string? HostMount { get; } = FindHostMount();

    public static bool Available => Environment.IsPrivilegedProcess && HostMount is not null
        && File.Exists("/usr/bin/unshare") && File.Exists("/usr/bin/nsenter");

    /// <summary>Runs <c>systemctl --root=ROOT ARGS</c> in the namespace, as a member of its root group.</summary>
    public CommandResult Systemctl(params string[] arguments)
        => CommandRunner.Run("sh",
            ["-c", $"echo $$ > '{Group}/cgroup.procs' && exec nsenter -t {Pid1()} -p -m -C \"$@\"", "sh",
            Published.Systemctl, "--root=" + Box.Path, .. arguments]);

    /// <summary>The host path of a group inside the namespace (<c>/system.slice/x.service</c>).</summary>
    public string HostPath(string group) => Group + group;

    private int Pid1()
    {
        // holder (sh, exec'd into unshare) → the forked namespace init.
        try
        {
            var children = File.ReadAllText($"/proc/{_holder.Id}/task/{_holder.Id}/children")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return children.Length > 0 ? int.Parse(children[0], CultureInfo.InvariantCulture) : 0;
        }
        catch (IOException) { return 0; }
    }

    private static bool Mounted(int pid, string mount)
    {
        try { return File.ReadAllText($"/proc/{pid}/mountinfo").Contains(" " + mount + " ", StringComparison.Ordinal); }
        catch (IOException) { return false; }
    }

    private static string? FindHostMount()
    {
        foreach (var candidate in (string[])["/sys/fs/cgroup", "/sys/fs/cgroup/unified"])
            if (File.Exists(Path.Join(candidate, "cgroup.controllers"))
                && File.Exists(Path.Join(candidate, "cgroup.procs"))) return candidate;
        return null;
    }

    public void Dispose()
    {
        if (Pid1() is var pid1 and > 0)
            try { Process.GetProcessById(pid1).Kill(); } catch (ArgumentException) { } catch (
                InvalidOperationException) { }
        else if (!_holder.HasExited)
            _holder.Kill();
        _holder.WaitForExit(10_000);
        _holder.Dispose();
        // Every process of the namespace is gone once its PID 1 is: the groups are empty and can go, deepest first.
        ServiceSandbox.WaitFor(() => Remove(Group), TimeSpan.FromSeconds(10));
    }

    private static bool Remove(string directory)
    {
        try
        {
            foreach (var child in Directory.GetDirectories(directory)) Remove(child);
            Directory.Delete(directory);
            return true;
        }
        catch (IOException) { return !Directory.Exists(directory); }
    }
}
