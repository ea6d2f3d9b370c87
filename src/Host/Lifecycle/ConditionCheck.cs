using System.Runtime.InteropServices;
using Platform.Abstractions;

namespace Platform.Host.Lifecycle;

/// <summary>
/// Evaluates a unit's <c>Condition*=</c> or <c>Assert*=</c> settings (systemd.unit(5)): all plain ones must hold,
/// and of the ones prefixed with <c>|</c> at least one; <c>!</c> negates. Paths are inside the managed root.
/// </summary>
internal sealed class ConditionCheck
{
    private readonly Func<string, string> _under;

    public ConditionCheck(Func<string, string> under) => _under = under;

    /// <summary>Null when every condition holds; else the first one that failed, as systemd words it (<c>ConditionPathExists=/x</c>).</summary>
    public string? FirstFailure(UnitDefinition unit, string prefix)
    {
        var items = new List<(string Key, string Value)>();
        foreach (var s in unit.Settings)
        {
            if (s.Section != "Unit" || !s.Key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (s.Value.Length == 0) { items.Clear(); continue; }
            items.Add((s.Key, s.Value));
        }
        string? firstTriggerFailure = null;
        var anyTrigger = false;
        var triggerHeld = false;
        foreach (var (key, raw) in items)
        {
            var value = raw;
            var trigger = value.StartsWith('|');
            if (trigger) value = value[1..].TrimStart();
            var negate = value.StartsWith('!');
            if (negate) value = value[1..].TrimStart();
            var holds = Evaluate(key[prefix.Length..], value) != negate;
            if (trigger)
            {
                anyTrigger = true;
                triggerHeld |= holds;
                firstTriggerFailure ??= holds ? null : $"{key}={raw}";
            }
            else if (!holds)
            {
                return $"{key}={raw}";
            }
        }
        return anyTrigger && !triggerHeld ? firstTriggerFailure : null;
    }

    private bool Evaluate(string kind, string value)
    {
        switch (kind)
        {
            case "PathExists": return Path.Exists(_under(value)) || IsLink(value);
            case "PathExistsGlob": return GlobExists(value);
            case "PathIsDirectory": return Directory.Exists(_under(value));
            case "PathIsSymbolicLink": return IsLink(value);
            case "PathIsMountPoint": return IsMountPoint(value);
            case "PathIsReadWrite": return Path.Exists(_under(value)) && access(_under(value), 2) == 0;
            case "DirectoryNotEmpty": return Directory.Exists(_under(value)) && Directory.EnumerateFileSystemEntries(_under(value)).Any();
            case "FileNotEmpty": return File.Exists(_under(value)) && new FileInfo(_under(value)).Length > 0;
            case "FileIsExecutable": return File.Exists(_under(value)) && access(_under(value), 1) == 0;
            case "Environment": return EnvironmentHolds(value);
            case "Host": return HostHolds(value);
            case "Architecture": return ArchitectureHolds(value);
            case "Virtualization": return VirtualizationHolds(value);
            case "User": return value == "@system" ? Environment.UserName == "root" || geteuid() < 1000 : value == Environment.UserName || value == geteuid().ToString(System.Globalization.CultureInfo.InvariantCulture);
            case "FirstBoot": return SystemdValues.TryParseBoolean(value, out var first) && first == !File.Exists(_under("/etc/machine-id"));
            case "KernelCommandLine": return KernelCommandLineHolds(value);
            default: return true; // Conditions that need a kernel feature we cannot see hold, as on a generic host.
        }
    }

    private bool IsLink(string path) => new FileInfo(_under(path)).LinkTarget is not null;

    private bool GlobExists(string pattern)
    {
        var dir = Path.GetDirectoryName(pattern) ?? "/";
        var name = Path.GetFileName(pattern);
        var real = _under(dir);
        return Directory.Exists(real) && Directory.EnumerateFileSystemEntries(real, name).Any();
    }

    private bool IsMountPoint(string path)
    {
        var real = Path.GetFullPath(_under(path));
        try
        {
            foreach (var line in File.ReadLines("/proc/self/mountinfo"))
            {
                var parts = line.Split(' ');
                if (parts.Length > 4 && parts[4] == real) return true;
            }
        }
        catch (IOException) { }
        return false;
    }

    private static bool EnvironmentHolds(string value)
    {
        var eq = value.IndexOf('=');
        if (eq < 0) return Environment.GetEnvironmentVariable(value) is not null;
        return Environment.GetEnvironmentVariable(value[..eq]) == value[(eq + 1)..];
    }

    private bool HostHolds(string value)
    {
        var host = Environment.MachineName;
        if (string.Equals(value, host, StringComparison.OrdinalIgnoreCase)) return true;
        try { return File.ReadAllText(_under("/etc/machine-id")).Trim() == value; }
        catch (IOException) { return false; }
    }

    private static bool ArchitectureHolds(string value) => value switch
    {
        "native" => true,
        "x86-64" => RuntimeInformation.OSArchitecture == Architecture.X64,
        "arm64" => RuntimeInformation.OSArchitecture == Architecture.Arm64,
        "x86" => RuntimeInformation.OSArchitecture == Architecture.X86,
        _ => false,
    };

    private static bool VirtualizationHolds(string value)
    {
        var container = File.Exists("/.dockerenv") || Environment.GetEnvironmentVariable("container") is not null;
        if (SystemdValues.TryParseBoolean(value, out var b)) return b == container;
        return value switch { "container" => container, "docker" => File.Exists("/.dockerenv"), _ => false };
    }

    private static bool KernelCommandLineHolds(string value)
    {
        try
        {
            var words = File.ReadAllText("/proc/cmdline").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return value.Contains('=') ? words.Contains(value) : words.Any(w => w == value || w.StartsWith(value + "=", StringComparison.Ordinal));
        }
        catch (IOException) { return false; }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int access(string path, int mode);

    [DllImport("libc")]
    private static extern uint geteuid();
}
