namespace Platform.Host.Lifecycle.Conditions;

/// <summary>
/// What systemd-detect-virt would say (systemd 252's detect_container() then a DMI/CPU-flag view of detect_vm()),
/// from the machine's own files: these describe the machine, so they are read outside any <c>--root</c>.
/// </summary>
internal static class VirtualizationDetector
{
    /// <summary>systemd's virtualization ids of containers.</summary>
    private static readonly string[] Containers =
        ["systemd-nspawn", "lxc-libvirt", "lxc", "openvz", "docker", "podman", "rkt", "wsl", "proot", "pouch",
            "container-other"];

    // DMI vendor strings systemd maps to a hypervisor (virt.c, detect_vm_dmi_vendor).
    private static readonly (string Prefix, string Id)[] DmiVendors =
    [
        ("KVM", "kvm"), ("OpenStack", "kvm"), ("KubeVirt", "kvm"), ("Amazon EC2", "amazon"), ("QEMU", "qemu"),
        ("VMware", "vmware"), ("VMW", "vmware"), ("innotek GmbH", "oracle"), ("VirtualBox", "oracle"), ("Xen", "xen"),
        ("Bochs", "bochs"), ("Parallels", "parallels"), ("BHYVE", "bhyve"), ("Hyper-V", "microsoft"),
            ("Apple Virtualization", "apple"),
        ("Google Compute Engine", "google"),
    ];

    private static string? _cached;

    /// <summary>The id (<c>docker</c>, <c>kvm</c>, ...) or <c>none</c>.</summary>
    public static string Detect() => _cached ??= DetectContainer() ?? DetectVm() ?? "none";

    public static bool IsContainer(string id) => Array.IndexOf(Containers, id) >= 0;

    public static bool IsVm(string id) => id != "none" && !IsContainer(id);

    /// <summary>systemd's running_in_userns(): a uid or gid map other than the identity, or setgroups denied.</summary>
    public static bool InUserNamespace()
    {
        if (HasMapping("/proc/self/uid_map") || HasMapping("/proc/self/gid_map")) return true;
        return Read("/proc/self/setgroups")?.Trim() == "deny";
    }

    private static bool HasMapping(string path)
    {
        var words = (Read(path) ?? "").Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return !(words.Length >= 3 && words[0] == "0" && words[1] == "0" && words[2] == "4294967295")
            && words.Length > 0;
    }

    private static string? DetectContainer()
    {
        if (Path.Exists("/proc/vz") && !Path.Exists("/proc/bc")) return "openvz";
        var osRelease = Read("/proc/sys/kernel/osrelease") ?? "";
        if (osRelease.Contains("Microsoft", StringComparison.Ordinal)
            || osRelease.Contains("WSL", StringComparison.Ordinal)) return "wsl";
        if (FirstLine("/run/host/container-manager") is { } manager) return Translate(manager);
        // As PID 1 our own container= is authoritative when set (empty: no container); unset, the files decide
        // (Docker sets no container= but leaves /.dockerenv).
        if (Environment.ProcessId == 1 && Environment.GetEnvironmentVariable("container") is { } own)
            return own.Length > 0 ? Translate(own) : null;
        if (Environment.ProcessId == 1) return ContainerFiles();
        if (FirstLine("/run/systemd/container") is { } recorded) return Translate(recorded);
        if (Pid1Environment("container") is { Length: > 0 } pid1) return Translate(pid1);
        return ContainerFiles();
    }

    /// <summary>Files container managers leave behind, systemd's last resort.</summary>
    private static string? ContainerFiles()
        => File.Exists("/run/.containerenv") ? "podman" : File.Exists("/.dockerenv") ? "docker" : null;

    private static string Translate(string name)
    {
        name = name.Trim();
        // Some images hard-code container=oci, which names no manager: look for one by its files.
        if (name == "oci") return ContainerFiles() ?? "container-other";
        return Array.IndexOf(Containers, name) >= 0 ? name : "container-other";
    }

    private static string? Pid1Environment(string name)
    {
        try
        {
            foreach (var entry in File.ReadAllText("/proc/1/environ").Split('\0'))
                if (entry.StartsWith(name + "=", StringComparison.Ordinal)) return entry[(name.Length + 1)..];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return null;
    }

    private static string? DetectVm()
    {
        foreach (var file in new[] { "product_name", "sys_vendor", "board_vendor", "bios_vendor", "product_version" })
            if (FirstLine("/sys/class/dmi/id/" + file) is { } vendor)
                foreach (var (prefix, id) in DmiVendors)
                    if (vendor.StartsWith(prefix, StringComparison.Ordinal)) return id;
        if (FirstLine("/sys/hypervisor/type") == "xen" || Directory.Exists("/proc/xen")) return "xen";
        // The hypervisor CPU flag without a known vendor: some VM all the same.
        return CpuFlags().Contains("hypervisor") ? "vm-other" : null;
    }

    /// <summary>The flags of the first CPU in /proc/cpuinfo (x86 <c>flags</c>, arm <c>Features</c>).</summary>
    public static HashSet<string> CpuFlags()
    {
        var flags = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                var colon = line.IndexOf(':');
                if (colon < 0) continue;
                var key = line[..colon].Trim();
                if (key is not ("flags" or "Features")) continue;
                foreach (var f in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)) flags.Add(f);
                break;
            }
        }
        catch (IOException) { }
        return flags;
    }

    private static string? FirstLine(string path) =>
        Read(path) is { } text ? text.Split('\n')[0].Trim() is { Length: > 0 } l ? l : null : null;

    private static string? Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
