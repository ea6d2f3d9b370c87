using System.Runtime.InteropServices;

namespace Platform.Units;

/// <summary>
/// Host facts specifiers refer to (<c>%H %m %b %v %a %o</c> ...), each read on first use only.
/// Files of the unit tree (machine-id, os-release) come from the root; kernel facts from the running kernel.
/// </summary>
internal sealed class SystemFacts
{
    private readonly string _root;
    private string? _hostname, _machineId, _kernel;
    private Dictionary<string, string>? _osRelease;

    public SystemFacts(string root) => _root = root;

    public string Hostname => _hostname ??= ReadFirstLine("/proc/sys/kernel/hostname") ?? Environment.MachineName;

    public string ShortHostname
    {
        get
        {
            var h = Hostname;
            var dot = h.IndexOf('.');
            return dot > 0 ? h[..dot] : h;
        }
    }

    public string PrettyHostname
    {
        get
        {
            var info = ReadEnvLike(RootedPath.Under(_root, "/etc/machine-info"));
            return info.TryGetValue("PRETTY_HOSTNAME", out var p) && p.Length > 0 ? p : ShortHostname;
        }
    }

    public string MachineId => _machineId ??= ReadFirstLine(RootedPath.Under(_root, "/etc/machine-id")) ?? "";


    public string KernelRelease => _kernel ??= ReadFirstLine("/proc/sys/kernel/osrelease") ?? "";

    public static string Architecture => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86-64",
        System.Runtime.InteropServices.Architecture.X86 => "x86",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        System.Runtime.InteropServices.Architecture.S390x => "s390x",
        System.Runtime.InteropServices.Architecture.Ppc64le => "ppc64-le",
        System.Runtime.InteropServices.Architecture.LoongArch64 => "loongarch64",
        System.Runtime.InteropServices.Architecture.RiscV64 => "riscv64",
        var other => other.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// A field of os-release (<c>/etc/os-release</c>, else <c>/usr/lib/os-release</c>), empty when unset.
    /// </summary>
    public string OsRelease(string field)
    {
        if (_osRelease is null)
        {
            _osRelease = ReadEnvLike(RootedPath.Under(_root, "/etc/os-release"));
            if (_osRelease.Count == 0) _osRelease = ReadEnvLike(RootedPath.Under(_root, "/usr/lib/os-release"));
        }
        return _osRelease.GetValueOrDefault(field, "");
    }

    private static string? ReadFirstLine(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            var line = reader.ReadLine()?.Trim();
            return string.IsNullOrEmpty(line) ? null : line;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private static Dictionary<string, string> ReadEnvLike(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return result;
        foreach (var (k, v) in EnvironmentFile.Read(path)) result[k] = v;
        return result;
    }
}
