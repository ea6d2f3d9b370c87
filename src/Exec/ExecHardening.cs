using System.Globalization;
using Platform.Abstractions;

namespace Platform.Exec;

/// <summary>
/// The systemd.exec(5) process settings a service gets without systemd: applied by the <c>__exec</c> helper in the new
/// process before it switches user and execs the service. Mount-namespace settings (<see cref="PrivateTmp"/>,
/// <see cref="ProtectSystem"/>, ...) need CAP_SYS_ADMIN; without it they are reported and skipped, as systemd skips
/// them in containers that forbid namespaces.
/// </summary>
internal sealed record ExecHardening
{
    private const string S = "Service";

    public int? Nice { get; init; }
    public int? OomScoreAdjust { get; init; }
    public IReadOnlyList<ResourceLimit> Limits { get; init; } = [];
    public bool NoNewPrivileges { get; init; }
    /// <summary>The capabilities to keep in the bounding set; null keeps them all.</summary>
    public ulong? CapabilityBoundingSet { get; init; }
    /// <summary>SECBIT_* flags of <c>SecureBits=</c>; null leaves them.</summary>
    public int? SecureBits { get; init; }
    public IReadOnlyList<int> CpuAffinity { get; init; } = [];
    /// <summary>The ioprio value (class &lt;&lt; 13 | priority); null leaves it.</summary>
    public int? IoPriority { get; init; }
    public string? RootDirectory { get; init; }
    public bool PrivateTmp { get; init; }
    /// <summary><c>no</c>, <c>yes</c>, <c>full</c> or <c>strict</c>.</summary>
    public string ProtectSystem { get; init; } = "no";
    /// <summary><c>no</c>, <c>yes</c>, <c>read-only</c> or <c>tmpfs</c>.</summary>
    public string ProtectHome { get; init; } = "no";
    public IReadOnlyList<string> ReadOnlyPaths { get; init; } = [];
    public IReadOnlyList<string> InaccessiblePaths { get; init; } = [];
    public IReadOnlyList<string> ReadWritePaths { get; init; } = [];

    /// <summary>Whether the helper has anything to do (or the service can be spawned directly).</summary>
    public bool Any =>
        Nice is not null || OomScoreAdjust is not null || Limits.Count > 0 || NoNewPrivileges
        || CapabilityBoundingSet is not null
        || SecureBits is not null || CpuAffinity.Count > 0 || IoPriority is not null || RootDirectory is not null
            || NeedsMountNamespace;

    /// <summary>Whether the settings need a private mount namespace.</summary>
    public bool NeedsMountNamespace =>
        PrivateTmp || ProtectSystem != "no" || ProtectHome != "no" || ReadOnlyPaths.Count > 0
        || InaccessiblePaths.Count > 0;

    /// <summary>
    /// Reads the settings of the unit's [Service] section; invalid values are ignored as systemd ignores them.
    /// </summary>
    public static ExecHardening FromUnit(UnitDefinition unit)
    {
        var limits = new List<ResourceLimit>();
        foreach (var setting in ResourceLimit.Settings)
            if (unit.Get(S, setting) is { Length: > 0 } v && ResourceLimit.Parse(setting, v) is { } limit)
                limits.Add(limit);
        return new ExecHardening
        {
            Nice = Int(unit.Get(S, "Nice"), -20, 19),
            OomScoreAdjust = Int(unit.Get(S, "OOMScoreAdjust"), -1000, 1000),
            Limits = limits,
            NoNewPrivileges = unit.GetBool(S, "NoNewPrivileges", false),
            CapabilityBoundingSet = CapabilityNames.Parse(unit.GetList(S, "CapabilityBoundingSet")),
            SecureBits = SecureBitsOf(unit.GetWords(S, "SecureBits")),
            CpuAffinity = Cpus(unit.GetWords(S, "CPUAffinity")),
            IoPriority = IoPriorityOf(unit.Get(S, "IOSchedulingClass"), unit.Get(S, "IOSchedulingPriority")),
            RootDirectory = unit.Get(S, "RootDirectory") is { Length: > 0 } root && root != "/" ? root : null,
            PrivateTmp = unit.GetBool(S, "PrivateTmp", false),
            ProtectSystem = Mode(unit.Get(S, "ProtectSystem"), "full", "strict"),
            ProtectHome = Mode(unit.Get(S, "ProtectHome"), "read-only", "tmpfs"),
            ReadOnlyPaths = Paths(unit, "ReadOnlyPaths"),
            InaccessiblePaths = Paths(unit, "InaccessiblePaths"),
            ReadWritePaths = Paths(unit, "ReadWritePaths"),
        };
    }

    /// <summary>The helper arguments for these settings.</summary>
    public IEnumerable<string> ToArguments()
    {
        string N(long v) => v.ToString(CultureInfo.InvariantCulture);
        if (Nice is { } nice) yield return "--nice=" + N(nice);
        if (OomScoreAdjust is { } oom) yield return "--oom=" + N(oom);
        foreach (var l in Limits) yield return "--rlimit=" + l.ToArgument();
        if (NoNewPrivileges) yield return "--no-new-privs";
        if (CapabilityBoundingSet is { } caps) yield return "--capbset=" + caps.ToString(CultureInfo.InvariantCulture);
        if (SecureBits is { } bits) yield return "--securebits=" + N(bits);
        if (CpuAffinity.Count > 0) yield return "--affinity=" + string.Join(',', CpuAffinity);
        if (IoPriority is { } io) yield return "--ioprio=" + N(io);
        if (RootDirectory is { } root) yield return "--chroot=" + root;
        if (PrivateTmp) yield return "--private-tmp";
        if (ProtectSystem != "no") yield return "--protect-system=" + ProtectSystem;
        if (ProtectHome != "no") yield return "--protect-home=" + ProtectHome;
        foreach (var p in ReadOnlyPaths) yield return "--read-only=" + p;
        foreach (var p in InaccessiblePaths) yield return "--inaccessible=" + p;
        foreach (var p in ReadWritePaths) yield return "--read-write=" + p;
    }

    /// <summary>
    /// Applies one helper argument to <paramref name="h"/>; false when it is not one of ours or malformed.
    /// </summary>
    public static bool TryApplyArgument(string arg, ref ExecHardening h)
    {
        var eq = arg.IndexOf('=');
        var name = eq < 0 ? arg : arg[..eq];
        var value = eq < 0 ? "" : arg[(eq + 1)..];
        int I() => int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        try
        {
            h = name switch
            {
                "--nice" => h with { Nice = I() },
                "--oom" => h with { OomScoreAdjust = I() },
                "--rlimit" =>
                    ResourceLimit.FromArgument(value) is { } l
                    ? h with { Limits = [.. h.Limits, l] } : throw new FormatException(),
                "--no-new-privs" => h with { NoNewPrivileges = true },
                "--capbset" => h with { CapabilityBoundingSet = ulong.Parse(value, CultureInfo.InvariantCulture) },
                "--securebits" => h with { SecureBits = I() },
                "--affinity" =>
                    h with { CpuAffinity = [.. value.Split(',')
                    .Select(c => int.Parse(c, CultureInfo.InvariantCulture))] },
                "--ioprio" => h with { IoPriority = I() },
                "--chroot" => h with { RootDirectory = value },
                "--private-tmp" => h with { PrivateTmp = true },
                "--protect-system" => h with { ProtectSystem = value },
                "--protect-home" => h with { ProtectHome = value },
                "--read-only" => h with { ReadOnlyPaths = [.. h.ReadOnlyPaths, value] },
                "--inaccessible" => h with { InaccessiblePaths = [.. h.InaccessiblePaths, value] },
                "--read-write" => h with { ReadWritePaths = [.. h.ReadWritePaths, value] },
                _ => throw new FormatException(),
            };
            return true;
        }
        catch (Exception e) when (e is FormatException or OverflowException) { return false; }
    }

    private static int? Int(string? text, int min, int max)
        => int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            && v >= min && v <= max ? v : null;

    private static string Mode(string? text, string second, string third)
    {
        if (text is null) return "no";
        text = text.Trim();
        if (text == second || text == third) return text;
        return SystemdValues.TryParseBoolean(text, out var b) && b ? "yes" : "no";
    }

    private static IReadOnlyList<string> Paths(UnitDefinition unit, string key)
        => [.. unit.GetList(S, key).SelectMany(v =>
            v.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))];

    private static IReadOnlyList<int> Cpus(IReadOnlyList<string> words)
    {
        var cpus = new SortedSet<int>();
        foreach (var word in words.SelectMany(w => w.Split(',', StringSplitOptions.RemoveEmptyEntries)))
        {
            var dash = word.IndexOf('-');
            if (dash < 0)
            {
                if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var c)) cpus.Add(c);
                continue;
            }
            if (int.TryParse(word[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                && int.TryParse(word[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var to))
                for (var c = from; c <= to && c < 1024; c++) cpus.Add(c);
        }
        return [.. cpus];
    }

    private static int? SecureBitsOf(IReadOnlyList<string> words)
    {
        if (words.Count == 0) return null;
        var bits = 0;
        foreach (var w in words)
            bits |= w switch
            {
                "keep-caps" => 1 << 4, "keep-caps-locked" => 1 << 5, "no-setuid-fixup" => 1 << 2,
                "no-setuid-fixup-locked" => 1 << 3, "noroot" => 1 << 0, "noroot-locked" => 1 << 1, _ => 0,
            };
        return bits;
    }

    private static int? IoPriorityOf(string? cls, string? priority)
    {
        if (cls is null && priority is null) return null;
        var c = cls?.Trim() switch
        {
            "realtime" or "1" => 1, "best-effort" or "2" => 2, "idle" or "3" => 3, "none" or "0" => 0, null => 2, _ =>
                -1,
        };
        if (c < 0) return null;
        var p = Int(priority, 0, 7) ?? 4;
        if (c == 0) c = 2;
        return c << 13 | (c == 3 ? 0 : p);
    }
}
