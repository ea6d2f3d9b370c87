using System.Globalization;
using System.Runtime.InteropServices;
using Platform.Abstractions;
using Platform.Exec;
using Platform.Interop;
using Platform.Units;

namespace Platform.Host.Lifecycle.Conditions;

/// <summary>
/// The conditions about the machine, kernel and manager (systemd 252, condition.c); machine files under the root where
/// they describe the installed system.
/// </summary>
internal sealed class SystemConditions(Func<string, string> under)
{
    public bool? Test(string kind, string value) => kind switch
    {
        "Architecture" => Architecture(value),
        "Firmware" => Firmware(value),
        "Virtualization" => Virtualization(value),
        "Host" => Host(value),
        "KernelCommandLine" => KernelCommandLine(value),
        "KernelVersion" => KernelVersion(value),
        "Credential" => Credential(value),
        "Security" => Security(value),
        "Capability" => Capability(value),
        "ACPower" => SystemdValues.TryParseBoolean(value, out var ac) ? OnAcPower() == ac : null,
        "FirstBoot" => SystemdValues.TryParseBoolean(value, out var first) ? IsFirstBoot() == first : null,
        "User" => User(value),
        "Group" => Group(value),
        "Environment" => EnvironmentHolds(value),
        "OSRelease" => OsRelease(value),
        _ => true,
    };

    /// <summary>systemd checks the bounding set of the manager: what no process it starts can ever gain.</summary>
    private static bool? Capability(string value)
    {
        var index = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n <= Platform.Exec.CapabilityNames.Last
            ? n : value.StartsWith("cap_", StringComparison.OrdinalIgnoreCase)
                ? Platform.Exec.CapabilityNames.Number(value) : -1;
        if (index < 0) return null;
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("CapBnd:", StringComparison.Ordinal))
                return (ulong.Parse(line[7..].Trim(), NumberStyles.HexNumber,
                    CultureInfo.InvariantCulture) & (1UL << index)) != 0;
        return null;
    }

    private static bool Architecture(string value)
    {
        var machine = LibC.Uname(LibC.UtsField.Machine);
        var ours = machine switch
        {
            "x86_64" => "x86-64",
            "i386" or "i486" or "i586" or "i686" => "x86",
            "aarch64" => "arm64",
            "aarch64_be" => "arm64-be",
            "ppc64le" => "ppc64-le",
            "ppcle" => "ppc-le",
            "mips64el" => "mips64-le",
            "mipsel" => "mips-le",
            "sh4" or "sh4a" or "sh3" or "sh2" => "sh",
            "sparc" => "sparc",
            _ when machine.StartsWith("armv", StringComparison.Ordinal) && machine.EndsWith('b') => "arm-be",
            _ when machine.StartsWith("arm", StringComparison.Ordinal) => "arm",
            _ => machine,
        };
        if (value == "native") value = RuntimeInformation.ProcessArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.X64 => "x86-64",
            System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
            System.Runtime.InteropServices.Architecture.X86 => "x86",
            System.Runtime.InteropServices.Architecture.Arm => "arm",
            _ => ours,
        };
        return ours == value;
    }

    private static bool? Firmware(string value)
    {
        if (value == "uefi") return Directory.Exists("/sys/firmware/efi");
        if (value == "device-tree") return Directory.Exists("/sys/firmware/devicetree");
        if (value.StartsWith("device-tree-compatible(", StringComparison.Ordinal) && value.EndsWith(')'))
        {
            var wanted = value["device-tree-compatible(".Length..^1];
            try { return File.ReadAllText("/proc/device-tree/compatible").Split('\0').Contains(wanted); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        }
        return false;
    }

    private static bool Virtualization(string value)
    {
        if (value == "private-users") return VirtualizationDetector.InUserNamespace();
        var id = VirtualizationDetector.Detect();
        if (SystemdValues.TryParseBoolean(value, out var any)) return any == (id != "none");
        if (value == "vm") return VirtualizationDetector.IsVm(id);
        if (value == "container") return VirtualizationDetector.IsContainer(id);
        return id != "none" && value == id;
    }

    private bool Host(string value)
    {
        if (TryMachineId(value) is { } wanted)
            return ReadFirstLine(under("/etc/machine-id")) is { } id && TryMachineId(id) == wanted;
        var host = LibC.Uname(LibC.UtsField.NodeName) is { Length: > 0 } node ? node : Environment.MachineName;
        return Glob.IsMatch(value.ToLowerInvariant(), host.ToLowerInvariant());
    }

    /// <summary>An id128 as 32 hex digits (plain or in UUID form), lower case; null when the text is none.</summary>
    private static string? TryMachineId(string text)
    {
        var hex = text.Length == 36 && text[8] == '-' && text[13] == '-' && text[18] == '-' && text[23] == '-'
            ? text.Replace("-", "") : text;
        return hex.Length == 32 && hex.All(char.IsAsciiHexDigit) ? hex.ToLowerInvariant() : null;
    }

    /// <summary>In a container the kernel command line is PID 1's (systemd's proc_cmdline()).</summary>
    private static bool KernelCommandLine(string value)
    {
        string line;
        if (Environment.GetEnvironmentVariable("SYSTEMD_PROC_CMDLINE") is { } overridden) line = overridden;
        else if (VirtualizationDetector.IsContainer(VirtualizationDetector.Detect()))
            line = string.Join(' ', File.ReadAllText("/proc/1/cmdline")
                .Split('\0', StringSplitOptions.RemoveEmptyEntries));
        else line = File.ReadAllText("/proc/cmdline").Trim();
        var hasValue = value.Contains('=');
        foreach (var word in SystemdValues.SplitWords(line))
        {
            if (hasValue ? word == value : word == value || word.StartsWith(value + "=", StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static bool? KernelVersion(string value)
    {
        var release = LibC.Uname(LibC.UtsField.Release);
        var words = SystemdValues.SplitWords(value);
        for (var i = 0; i < words.Count; i++)
        {
            var s = words[i].Trim();
            if (VersionOrder.TakeOperator(ref s) is { } op)
            {
                s = s.TrimStart();
                if (s.Length == 0)
                {
                    // For backwards compatibility systemd allows a space after the operator, in the first expression
                    // only.
                    if (i != 0 || i + 1 >= words.Count) return null;
                    s = words[++i];
                }
                if (!VersionOrder.Test(VersionOrder.Compare(release, s), op)) return false;
            }
            else if (!Glob.IsMatch(s, release)) return false;
        }
        return true;
    }

    private static bool Credential(string value)
    {
        if (value.Length == 0 || value.Contains('/') || value is "." or ".." || value.Length > 255) return false;
        foreach (var variable in new[] { "CREDENTIALS_DIRECTORY", "ENCRYPTED_CREDENTIALS_DIRECTORY" })
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } dir
                && LibC.Stat(Path.Join(dir, value), false, out _))
                return true;
        return false;
    }

    private static bool Security(string value) => value switch
    {
        "selinux" => File.Exists("/sys/fs/selinux/enforce"),
        "apparmor" =>
            ReadFirstLine("/sys/module/apparmor/parameters/enabled") is { } a
            && SystemdValues.TryParseBoolean(a, out var on) && on,
        "tomoyo" => Path.Exists("/sys/kernel/security/tomoyo/version"),
        "ima" => Directory.Exists("/sys/kernel/security/ima"),
        "smack" => Directory.Exists("/sys/fs/smackfs"),
        "audit" => AuditAvailable(),
        "uefi-secureboot" => SecureBoot(),
        "tpm2" => Directory.Exists("/sys/class/tpmrm") && Directory.EnumerateFileSystemEntries("/sys/class/tpmrm")
            .Any(),
        _ => false,
    };

    /// <summary>
    /// systemd's use_audit(): an audit netlink socket can be opened (or fails for another reason than no support).
    /// </summary>
    private static bool AuditAvailable()
    {
        const int AF_NETLINK = 16, SOCK_RAW = 3, SOCK_CLOEXEC = 0x80000, SOCK_NONBLOCK = 0x800, NETLINK_AUDIT = 9;
        const int EPERM = 1, EAFNOSUPPORT = 97, EPROTONOSUPPORT = 93;
        var fd = LibC.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_AUDIT);
        if (fd < 0) return Marshal.GetLastPInvokeError() is not (EAFNOSUPPORT or EPROTONOSUPPORT or EPERM);
        LibC.close(fd);
        return true;
    }

    private static bool SecureBoot()
    {
        try
        {
            var bytes = File.ReadAllBytes("/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c");
            return bytes.Length >= 5 && bytes[4] == 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>
    /// systemd's on_ac_power(): a Mains supply online, or no Mains supply offline (no information means on AC).
    /// </summary>
    private static bool OnAcPower()
    {
        const string folder = "/sys/class/power_supply";
        if (!Directory.Exists(folder)) return true;
        bool online = false, offline = false;
        foreach (var device in Directory.EnumerateFileSystemEntries(folder))
        {
            if (ReadFirstLine(device + "/type") != "Mains") continue;
            var state = ReadFirstLine(device + "/online");
            if (state == "1") { online = true; break; }
            if (state == "0") offline = true;
        }
        return online || !offline;
    }

    /// <summary>
    /// systemd's PID 1 flags a first boot in /run/systemd/first-boot; without it, an unset machine id means the same.
    /// </summary>
    internal bool IsFirstBoot()
    {
        if (File.Exists(under("/run/systemd/first-boot"))) return true;
        var id = ReadFirstLine(under("/etc/machine-id"));
        return id is null or "uninitialized";
    }

    private static bool User(string value)
    {
        uint uid = LibC.getuid(), euid = LibC.geteuid();
        if (uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return id == uid || id == euid;
        if (value == "@system") return uid <= 999 || euid <= 999;
        // systemd's getusername_malloc(): $USER first, then the name of the uid.
        if ((Environment.GetEnvironmentVariable("USER") ?? Environment.UserName) == value) return true;
        if (Environment.ProcessId == 1) return value == "root";
        return PasswdDatabase.FindUser(value) is { } entry && (entry.Uid == uid || entry.Uid == euid);
    }

    private static bool Group(string value)
    {
        uint gid;
        if (!uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out gid))
        {
            // Avoid NSS look-ups as PID 1, as systemd does.
            if (Environment.ProcessId == 1) return value == "root";
            if (PasswdDatabase.FindGroup(value) is not { } found) return false;
            gid = found;
        }
        if (gid == LibC.getgid() || gid == LibC.getegid()) return true;
        var count = LibC.getgroups(0, null);
        if (count <= 0) return false;
        var groups = new uint[count];
        return LibC.getgroups(count, groups) > 0 && groups.Contains(gid);
    }

    private static bool EnvironmentHolds(string value)
    {
        var eq = value.IndexOf('=');
        if (eq < 0) return Environment.GetEnvironmentVariable(value) is not null;
        return Environment.GetEnvironmentVariable(value[..eq]) == value[(eq + 1)..];
    }

    private bool? OsRelease(string value)
    {
        foreach (var condition in SystemdValues.SplitWords(value))
        {
            var sep = condition.IndexOfAny(['!', '<', '=', '>']);
            if (sep <= 0) return null;
            var key = condition[..sep];
            if (!key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(key[0])) return null;
            var rest = condition[sep..];
            if (VersionOrder.TakeOperator(ref rest) is not { } op || rest.Length == 0 || char.IsWhiteSpace(rest[0]))
                return null;
            var actual = OsReleaseValue(key);
            var matches = op switch
            {
                "=" => actual == rest,
                "!=" => actual != rest,
                _ => VersionOrder.Test(VersionOrder.Compare(actual, rest), op),
            };
            if (!matches) return false;
        }
        return true;
    }

    private string? OsReleaseValue(string key)
    {
        var path = File.Exists(under("/etc/os-release")) ? under("/etc/os-release") : under("/usr/lib/os-release");
        if (!File.Exists(path)) return null;
        foreach (var line in File.ReadLines(path))
        {
            var eq = line.IndexOf('=');
            if (eq <= 0 || line.TrimStart().StartsWith('#') || line[..eq].Trim() != key) continue;
            return SystemdValues.SplitWords(line[(eq + 1)..]) is [var v]
                ? v : string.Join(' ', SystemdValues.SplitWords(line[(eq + 1)..]));
        }
        return null;
    }

    private static string? ReadFirstLine(string path)
    {
        try { return File.ReadAllText(path).Split('\n')[0].Trim(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
