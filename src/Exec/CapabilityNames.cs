namespace Platform.Exec;

/// <summary>
/// capabilities(7) names and numbers, as <c>CapabilityBoundingSet=</c> and <c>ConditionCapability=</c> write them.
/// </summary>
internal static class CapabilityNames
{
    private static readonly string[] Names =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST",
            "CAP_NET_ADMIN",
        "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
            "CAP_SYS_PTRACE",
        "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME",
        "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP",
        "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ",
        "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
    ];

    /// <summary>The highest capability number this table knows.</summary>
    public static int Last => Names.Length - 1;

    /// <summary>The number of a capability name (case-insensitive, with or without <c>CAP_</c>), or -1.</summary>
    public static int Number(string name)
    {
        var upper = name.ToUpperInvariant();
        if (!upper.StartsWith("CAP_", StringComparison.Ordinal)) upper = "CAP_" + upper;
        return Array.IndexOf(Names, upper);
    }

    /// <summary>
    /// A capability list as systemd.exec(5) reads it: names separated by spaces; a leading <c>~</c> inverts the list;
    /// several assignments OR together (or AND-NOT for inverted ones); an empty assignment means none. Unknown
    /// names are skipped. Returns the set of capabilities to keep, or null when nothing was assigned.
    /// </summary>
    public static ulong? Parse(IEnumerable<string> assignments)
    {
        ulong? set = null;
        var all = (1UL << (Last + 1)) - 1;
        foreach (var raw in assignments)
        {
            var value = raw.Trim();
            if (value.Length == 0) { set = 0; continue; }
            var invert = value.StartsWith('~');
            if (invert) value = value[1..];
            ulong mask = 0;
            foreach (var word in value.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                if (Number(word) is var n and >= 0) mask |= 1UL << n;
            set = invert ? (set ?? all) & ~mask : (set ?? 0) | mask;
        }
        return set;
    }
}
