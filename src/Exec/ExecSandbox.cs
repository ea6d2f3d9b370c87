using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Exec;

/// <summary>
/// Applies <see cref="ExecHardening"/> inside the <c>__exec</c> helper, in the order systemd's exec_child() does: mount
/// namespace and root directory, limits and scheduling, capability bounding set and securebits (all needing the
/// privileges the user switch drops), the user switch itself (by the caller), then NoNewPrivileges=. A failure
/// returns systemd's exit code for the failed step (205 LIMITS, 218 CAPABILITIES, ...); a mount namespace the kernel
/// refuses (no CAP_SYS_ADMIN) is reported once and skipped.
/// </summary>
internal static class ExecSandbox
{
    private const int ExitNice = 201, ExitLimits = 205, ExitOomAdjust = 206, ExitChroot = 210, ExitIoprio = 211,
        ExitSecurebits = 213, ExitCpuAffinity = 215, ExitCapabilities = 218, ExitNoNewPrivileges = 227;
    private static readonly string[] ApiFileSystems = ["/dev", "/proc", "/sys"];

    /// <summary>
    /// Everything before the user switch; returns 0 or an exit code with <paramref name="error"/> set.
    /// </summary>
    public static int BeforeUserSwitch(ExecHardening h, NativeStrings strings, out string? error)
    {
        error = null;
        if (h.NeedsMountNamespace && !MountNamespace(h, strings, out var warning))
            Console.Error.WriteLine(warning);
        if (h.RootDirectory is { } root && (LibC.chroot(strings.String(root)) != 0
            || LibC.chdir(strings.String("/")) != 0))
            return Fail(ExitChroot, $"Failed to change root directory to {root}", out error);
        foreach (var limit in h.Limits)
            if (!SetLimitClosest(limit)) return Fail(ExitLimits, "Failed to adjust resource limits", out error);
        if (h.Nice is { } nice && !SetNiceClosest(nice))
            return Fail(ExitNice, "Failed to set up process scheduling priority (nice level)", out error);
        if (h.OomScoreAdjust is { } oom)
        {
            // As systemd: a container that may not lower the score (no CAP_SYS_RESOURCE) is not an error.
            try
            {
                File.WriteAllText("/proc/self/oom_score_adj",
                    oom.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (UnauthorizedAccessException) { }
            catch (IOException) { return Fail(ExitOomAdjust, "Failed to adjust OOM setting", out error); }
        }
        if (h.IoPriority is { } io && LibC.IoprioSet(io) != 0)
            return Fail(ExitIoprio, "Failed to set up IO scheduling priority", out error);
        if (h.CpuAffinity.Count > 0)
        {
            var mask = new byte[128];
            foreach (var cpu in h.CpuAffinity) mask[cpu / 8] |= (byte)(1 << (cpu % 8));
            if (LibC.sched_setaffinity(0, mask.Length, mask) != 0)
                return Fail(ExitCpuAffinity, "Failed to set up CPU affinity", out error);
        }
        if (h.CapabilityBoundingSet is { } keep && LibC.geteuid() == 0)
        {
            var last = LastCapability();
            for (var cap = 0; cap <= last; cap++)
                if ((keep & (1UL << cap)) == 0 && LibC.prctl(LibC.PR_CAPBSET_DROP, (nuint)cap, 0, 0, 0) != 0
                    && Marshal.GetLastPInvokeError() != LibC.EINVAL)
                    return Fail(ExitCapabilities, "Failed to drop capabilities", out error);
        }
        if (h.SecureBits is { } bits && LibC.prctl(LibC.PR_SET_SECUREBITS, (nuint)bits, 0, 0, 0) != 0)
            return Fail(ExitSecurebits, "Failed to set process secure bits", out error);
        return 0;
    }

    /// <summary>What comes after the user switch.</summary>
    public static int AfterUserSwitch(ExecHardening h, out string? error)
    {
        error = null;
        if (h.NoNewPrivileges && LibC.prctl(LibC.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
            return Fail(ExitNoNewPrivileges, "Failed to disable new privileges", out error);
        return 0;
    }

    private static int Fail(int code, string message, out string? error)
    {
        error = $"{message}: {LibC.StrError(Marshal.GetLastPInvokeError())}";
        return code;
    }

    /// <summary>
    /// systemd's setrlimit_closest(): a limit above the hard limit this process may not raise (a container's nofile of
    /// 20000 against redis' LimitNOFILE=65535) becomes that hard limit rather than a failed start.
    /// </summary>
    private static bool SetLimitClosest(ResourceLimit limit)
    {
        if (LibC.setrlimit(limit.Resource, [limit.Soft, limit.Hard]) == 0) return true;
        if (Marshal.GetLastPInvokeError() != LibC.EPERM) return false;
        var current = new ulong[2];
        if (LibC.getrlimit(limit.Resource, current) != 0) return false;
        var hard = Math.Min(limit.Hard, current[1]);
        return LibC.setrlimit(limit.Resource, [Math.Min(limit.Soft, hard), hard]) == 0;
    }

    /// <summary>
    /// systemd's setpriority_closest(): a nice level below what may be set keeps the lowest one allowed.
    /// </summary>
    private static bool SetNiceClosest(int nice)
    {
        if (LibC.setpriority(LibC.PRIO_PROCESS, 0, nice) == 0) return true;
        if (Marshal.GetLastPInvokeError() is not (LibC.EPERM or LibC.EACCES)) return false;
        var limit = new ulong[2];
        var lowest = LibC.getrlimit(13, limit) == 0 && limit[0] != ResourceLimit.Infinity
            ? 20 - (int)Math.Min(limit[0], 40) : 19;
        var current = LibC.getpriority(LibC.PRIO_PROCESS, 0);
        return LibC.setpriority(LibC.PRIO_PROCESS, 0, Math.Max(nice, Math.Min(lowest, current))) == 0
            || current <= nice;
    }

    private static int LastCapability()
    {
        try
        {
            return int.Parse(File.ReadAllText("/proc/sys/kernel/cap_last_cap").Trim(),
                System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException) { return CapabilityNames.Last; }
    }

    /// <summary>
    /// A private mount namespace whose changes do not propagate back: PrivateTmp= gets fresh /tmp and /var/tmp,
    /// ProtectSystem=/ProtectHome=/ReadOnlyPaths= become read-only bind mounts (recursively, API file systems
    /// excepted), InaccessiblePaths= and ProtectHome=yes are covered by an empty mode-0 tmpfs.
    /// </summary>
    private static bool MountNamespace(ExecHardening h, NativeStrings strings, out string warning)
    {
        warning = "";
        if (LibC.unshare(LibC.CLONE_NEWNS) != 0)
        {
            warning = $"Failed to set up a mount namespace ({LibC.StrError(Marshal.GetLastPInvokeError())}); "
                + $"PrivateTmp=, ProtectSystem=, " +
                "ProtectHome=, ReadOnlyPaths= and InaccessiblePaths= are not applied.";
            return false;
        }
        Mount(strings, null, "/", null, LibC.MS_REC | LibC.MS_SLAVE, null);
        if (h.PrivateTmp)
            foreach (var tmp in (string[])["/tmp", "/var/tmp"])
                if (Directory.Exists(tmp))
                    Mount(strings, "tmpfs", tmp, "tmpfs", LibC.MS_NOSUID | LibC.MS_NODEV, "mode=1777");
        var writable = new List<string>();
        foreach (var raw in h.ReadWritePaths)
            if (Existing(raw) is { } path && Mount(strings, path, path, null, LibC.MS_BIND | LibC.MS_REC, null))
                writable.Add(path);
        var readOnly = new List<string>();
        switch (h.ProtectSystem)
        {
            case "yes": readOnly.AddRange(["/usr", "/boot", "/efi"]); break;
            case "full": readOnly.AddRange(["/usr", "/boot", "/efi", "/etc"]); break;
            case "strict": readOnly.Add("/"); break;
        }
        var homes = new[] { "/home", "/root", "/run/user" };
        if (h.ProtectHome == "read-only") readOnly.AddRange(homes);
        foreach (var raw in h.ReadOnlyPaths) if (Existing(raw) is { } path) readOnly.Add(path);
        foreach (var path in readOnly.Where(Directory.Exists)) ReadOnly(strings, path, writable);
        var hidden = new List<string>();
        if (h.ProtectHome is "yes") hidden.AddRange(homes);
        if (h.ProtectHome is "tmpfs")
            foreach (var home in homes.Where(Directory.Exists))
            Mount(strings, "tmpfs", home, "tmpfs", LibC.MS_NOSUID | LibC.MS_NODEV | LibC.MS_RDONLY, "mode=0755");
        foreach (var raw in h.InaccessiblePaths) if (Existing(raw) is { } path) hidden.Add(path);
        foreach (var path in hidden.Where(Directory.Exists))
            Mount(strings, "tmpfs", path, "tmpfs", LibC.MS_NOSUID | LibC.MS_NODEV | LibC.MS_RDONLY, "mode=0000");
        return true;
    }

    /// <summary>
    /// A <c>-</c> prefix makes a missing path acceptable; <c>+</c> (relative to RootDirectory=) is taken as written.
    /// </summary>
    private static string? Existing(string raw)
    {
        var optional = raw.StartsWith('-');
        var path = raw.TrimStart('-', '+');
        return Path.Exists(path) || !optional ? path : null;
    }

    private static void ReadOnly(NativeStrings strings, string path, List<string> writable)
    {
        if (!Mount(strings, path, path, null, LibC.MS_BIND | LibC.MS_REC, null)) return;
        var prefix = path == "/" ? "/" : path + "/";
        foreach (var mountPoint in MountPoints())
        {
            if (mountPoint != path && !mountPoint.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (ApiFileSystems.Any(api =>
                mountPoint == api || mountPoint.StartsWith(api + "/", StringComparison.Ordinal))) continue;
            if (writable.Any(w => mountPoint == w || mountPoint.StartsWith(w + "/", StringComparison.Ordinal)))
                continue;
            Mount(strings, null, mountPoint, null, LibC.MS_BIND | LibC.MS_REMOUNT | LibC.MS_RDONLY, null);
        }
    }

    private static IEnumerable<string> MountPoints()
    {
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            var fields = line.Split(' ');
            if (fields.Length > 4) yield return fields[4].Replace("\\040", " ");
        }
    }

    private static bool Mount(NativeStrings strings, string? source, string target, string? type, ulong flags,
        string? data)
        => LibC.mount(source is null ? IntPtr.Zero : strings.String(source), strings.String(target),
            type is null ? IntPtr.Zero : strings.String(type), flags, data is null
                ? IntPtr.Zero : strings.String(data)) == 0;
}
