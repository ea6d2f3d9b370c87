using System.Globalization;

namespace Platform.Abstractions;

/// <summary>
/// Exit status names as systemd 252 shows them after the number (<c>status=203/EXEC</c>): libc, LSB, BSD (sysexits.h)
/// and systemd's own. Recorded from <c>systemd-analyze exit-status</c>.
/// </summary>
public static class ExitStatusNames
{
    private static readonly Dictionary<int, string> Names = new()
    {
        [0] = "SUCCESS",
        [1] = "FAILURE",
        [2] = "INVALIDARGUMENT",
        [3] = "NOTIMPLEMENTED",
        [4] = "NOPERMISSION",
        [5] = "NOTINSTALLED",
        [6] = "NOTCONFIGURED",
        [7] = "NOTRUNNING",
        [64] = "USAGE",
        [65] = "DATAERR",
        [66] = "NOINPUT",
        [67] = "NOUSER",
        [68] = "NOHOST",
        [69] = "UNAVAILABLE",
        [70] = "SOFTWARE",
        [71] = "OSERR",
        [72] = "OSFILE",
        [73] = "CANTCREAT",
        [74] = "IOERR",
        [75] = "TEMPFAIL",
        [76] = "PROTOCOL",
        [77] = "NOPERM",
        [78] = "CONFIG",
        [200] = "CHDIR",
        [201] = "NICE",
        [202] = "FDS",
        [203] = "EXEC",
        [204] = "MEMORY",
        [205] = "LIMITS",
        [206] = "OOM_ADJUST",
        [207] = "SIGNAL_MASK",
        [208] = "STDIN",
        [209] = "STDOUT",
        [210] = "CHROOT",
        [211] = "IOPRIO",
        [212] = "TIMERSLACK",
        [213] = "SECUREBITS",
        [214] = "SETSCHEDULER",
        [215] = "CPUAFFINITY",
        [216] = "GROUP",
        [217] = "USER",
        [218] = "CAPABILITIES",
        [219] = "CGROUP",
        [220] = "SETSID",
        [221] = "CONFIRM",
        [222] = "STDERR",
        [224] = "PAM",
        [225] = "NETWORK",
        [226] = "NAMESPACE",
        [227] = "NO_NEW_PRIVILEGES",
        [228] = "SECCOMP",
        [229] = "SELINUX_CONTEXT",
        [230] = "PERSONALITY",
        [231] = "APPARMOR",
        [232] = "ADDRESS_FAMILIES",
        [233] = "RUNTIME_DIRECTORY",
        [235] = "CHOWN",
        [236] = "SMACK_PROCESS_LABEL",
        [237] = "KEYRING",
        [238] = "STATE_DIRECTORY",
        [239] = "CACHE_DIRECTORY",
        [240] = "LOGS_DIRECTORY",
        [241] = "CONFIGURATION_DIRECTORY",
        [242] = "NUMA_POLICY",
        [243] = "CREDENTIALS",
        [244] = "BPF",
        [255] = "EXCEPTION",
    };

    /// <summary>The name of <paramref name="status"/>, or null when systemd has none.</summary>
    public static string? Name(int status) => Names.GetValueOrDefault(status);

    /// <summary>systemd's <c>N/NAME</c>, or just <c>N</c> for a status without a name.</summary>
    public static string Describe(int status)
        => Names.TryGetValue(status, out var name)
            ? status.ToString(CultureInfo.InvariantCulture) + "/" + name
            : status.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a name (<c>TEMPFAIL</c>) into its number; false for unknown names.</summary>
    public static bool TryParse(string name, out int status)
    {
        foreach (var (number, text) in Names)
            if (text == name) { status = number; return true; }
        status = 0;
        return false;
    }
}
