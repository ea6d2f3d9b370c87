using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Platform.Notify;

/// <summary>
/// systemd-notify(1): turns options and <c>VAR=VALUE</c> arguments into one sd_notify datagram for
/// <c>$NOTIFY_SOCKET</c>. Like systemd's tool it first sends as the calling process (root may claim another
/// pid), so a shell script that is a service's main process is seen as the sender rather than this short-lived
/// process; receivers then need not look the sender up before it exits. Loads no plugins.
/// </summary>
internal static class SystemdNotifyCommand
{
    /// <summary>
    /// The systemd release whose systemd-notify this follows (as <c>systemctl --version</c> reports).
    /// </summary>
    public const string CompatibleSystemd = "252";

    /// <summary>Runs the command with <c>NOTIFY_SOCKET</c> from the environment; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        => Run(args, stdout, stderr, Environment.GetEnvironmentVariable("NOTIFY_SOCKET"));

    /// <summary>Runs the command against an explicit NOTIFY_SOCKET value (null when unset).</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, string? notifySocket)
    {
        var error = NotifyCommandOptions.TryParse(args, out var o);
        if (error is not null)
        {
            stderr.WriteLine("systemd-notify: " + error);
            return 1;
        }
        if (o.Help) { WriteHelp(stdout); return 0; }
        if (o.Version) { WriteVersion(stdout); return 0; }
        // The marker a systemd (or our init) creates at boot; below --root for an init run on a root folder.
        if (o.Booted) return Directory.Exists(Path.Join(o.Root, "run/systemd/system")) ? 0 : 1;
        if (!o.HasData) { WriteHelp(stdout); return 1; }

        var parent = NotifyDatagramSender.ParentPid();
        int? mainPid = null;
        if (o.Pid is not null)
        {
            mainPid = ResolvePid(o.Pid, parent);
            if (mainPid is null) { stderr.WriteLine($"Failed to parse PID {o.Pid}."); return 1; }
        }
        var uid = -1;
        var gid = -1;
        if (o.Uid is not null && !UserLookup.TryResolve(o.Uid, out uid, out gid))
        {
            stderr.WriteLine($"Failed to resolve user {o.Uid}.");
            return 1;
        }
        if (string.IsNullOrEmpty(notifySocket))
        {
            stderr.WriteLine("No status data could be sent: $NOTIFY_SOCKET was not set");
            return 1;
        }

        var errno = NotifyDatagramSender.Send(notifySocket, BuildMessage(o, mainPid),
            mainPid ?? ResolvePid("auto", parent), uid, gid);
        if (errno == 0) return 0;
        stderr.WriteLine("Failed to notify init system: " + Marshal.GetPInvokeErrorMessage(errno));
        return 1;
    }

    /// <summary>The datagram: option-made lines in a fixed order, then the arguments as given.</summary>
    internal static string BuildMessage(NotifyCommandOptions o, int? mainPid)
    {
        var lines = new List<string>(6 + o.Assignments.Count);
        if (o.Ready) lines.Add("READY=1");
        if (o.Reloading)
        {
            lines.Add("RELOADING=1");
            // Type=notify-reload matches a reload by this CLOCK_MONOTONIC stamp (Stopwatch reads that clock on Linux).
            var usec = Stopwatch.GetTimestamp() / (Stopwatch.Frequency / 1_000_000);
            lines.Add("MONOTONIC_USEC=" + usec.ToString(CultureInfo.InvariantCulture));
        }
        if (o.Stopping) lines.Add("STOPPING=1");
        if (o.Status is not null) lines.Add("STATUS=" + o.Status);
        if (mainPid is not null) lines.Add("MAINPID=" + mainPid.Value.ToString(CultureInfo.InvariantCulture));
        lines.AddRange(o.Assignments);
        return string.Join('\n', lines);
    }

    // "auto" (or no value) is the caller unless that is PID 1 (the manager, or an orphaning reparent); "self" is
    // this process; "parent" is the caller whoever it is; otherwise a positive number.
    private static int? ResolvePid(string value, int parent) => value switch
    {
        "auto" => parent > 1 ? parent : Environment.ProcessId,
        "self" => Environment.ProcessId,
        "parent" => parent,
        _ => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null,
    };

    private static void WriteHelp(TextWriter stdout) => stdout.Write(
        "systemd-notify [OPTIONS...] [VARIABLE=VALUE...]\n\n"
        + "Notify the service manager about start-up completion and other status changes.\n\n"
        + "  -h --help            Show this help\n"
        + "     --version         Show package version\n"
        + "     --ready           Report start-up (or reload) completion (READY=1)\n"
        + "     --reloading       Report that a reload began (RELOADING=1)\n"
        + "     --stopping        Report that the service is shutting down (STOPPING=1)\n"
        + "     --pid[=PID]       Set the main PID (auto, self, parent or a number; default: the caller)\n"
        + "     --uid=USER        Send as this user (needs privileges)\n"
        + "     --status=TEXT     Set the status text\n"
        + "     --booted          Exit 0 if the system was booted with systemd, non-zero otherwise\n"
        + "     --root=ROOT       Look for the boot marker below a root directory\n"
        + "     --no-block        Accepted for compatibility; nothing is waited for\n");

    private static void WriteVersion(TextWriter stdout)
    {
        var version = typeof(SystemdNotifyCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion ?? "0";
        var plus = version.IndexOf('+');
        stdout.WriteLine($"systemd {CompatibleSystemd} (platform {(plus >= 0 ? version[..plus] : version)})");
    }
}
