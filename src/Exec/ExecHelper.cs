using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Exec;

/// <summary>
/// The <c>__exec</c> mode: runs in the freshly spawned process (session, stdio and fds already set up by posix_spawn),
/// switches groups, gid and uid, applies umask and working directory, restores the signal dispositions the runtime
/// changed, then execve()s the service. Usage:
/// <c>__exec [--uid N] [--gid N] [--groups a,b] [--umask 022] [--chdir DIR [--chdir-optional]] [--report-fd N]
/// [--drop-env NAME]... -- PATH ARGV0 ARGS...</c> Failures are written to the report descriptor and stderr; exit codes
/// follow systemd (200 chdir, 203 exec, 216 group, 217 user).
/// </summary>
internal static class ExecHelper
{
    /// <summary>The first argument that selects this mode.</summary>
    public const string Mode = "__exec";

    private const int ExitChdir = 200, ExitExec = 203, ExitGroup = 216, ExitUser = 217, ExitUsage = 2;
    private const int F_SETFD = 2, FD_CLOEXEC = 1, SIG_SETMASK = 2;

    /// <summary>Runs the helper; returns only on failure (with the exit code to use).</summary>
    public static int Run(string[] args)
    {
        var options = ExecHelperOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(
                "__exec: usage: __exec [--uid N] [--gid N] [--groups LIST] [--umask MODE] [--chdir DIR] [--report-fd "
                + "N] -- PATH ARGV...");
            return ExitUsage;
        }
        var report = options.ReportFd;
        if (report >= 0) _ = LibC.fcntl(report, F_SETFD, FD_CLOEXEC);
        var path = options.Path;
        using var strings = new NativeStrings();
        if (ExecSandbox.BeforeUserSwitch(options.Hardening, strings, out var sandboxError) is var before and not 0)
            return Fail(report, before, $"Failed at step spawning {path}: {sandboxError}");
        if (options.Groups is { } groups && LibC.setgroups(groups.Length, groups) != 0)
            return Fail(report, ExitGroup, $"Failed at step GROUP spawning {path}: {Error()}");
        if (options.Gid is { } gid && LibC.setgid(gid) != 0)
            return Fail(report, ExitGroup, $"Failed at step GROUP spawning {path}: {Error()}");
        if (options.Uid is { } uid && LibC.setuid(uid) != 0)
            return Fail(report, ExitUser, $"Failed at step USER spawning {path}: {Error()}");
        if (ExecSandbox.AfterUserSwitch(options.Hardening, out var afterError) is var after and not 0)
            return Fail(report, after, $"Failed at step NO_NEW_PRIVILEGES spawning {path}: {afterError}");
        if (options.Umask is { } mask) _ = LibC.umask(mask);
        if (options.Directory is { } dir && LibC.chdir(strings.String(dir)) != 0)
        {
            var error = Error();
            if (!options.DirectoryOptional)
                return Fail(report, ExitChdir, "Changing to the requested working directory failed: " + error);
            _ = LibC.chdir(strings.String("/"));
        }
        RestoreSignals(strings);
        _ = LibC.execve(strings.String(path), strings.Vector(options.Arguments),
            Environ(strings, options.DropEnvironment, options.ListenPid));
        return Fail(report, ExitExec, $"Failed to execute {path}: {Error()}");
    }

    private static string Error() => LibC.StrError(Marshal.GetLastPInvokeError());

    private static int Fail(int report, int code, string message)
    {
        if (report >= 0) ExecReport.Write(report, message);
        Console.Error.WriteLine(message);
        return code;
    }

    /// <summary>
    /// Handlers reset on exec by themselves, but ignored signals stay ignored: undo the runtime's SIG_IGN (SIGPIPE) and
    /// unblock everything. Signals the runtime handles keep their handlers until execve replaces the image.
    /// </summary>
    private static void RestoreSignals(NativeStrings strings)
    {
        var old = strings.Block(256);
        for (var sig = 1; sig <= 64; sig++)
        {
            if (sig is 9 or 19 or 32 or 33) continue;
            if (LibC.sigaction(sig, IntPtr.Zero, old) == 0 && Marshal.ReadIntPtr(old) == 1)
                LibC.signal(sig, IntPtr.Zero);
        }
        var none = strings.Block(LibC.SigSetSize);
        _ = LibC.sigemptyset(none);
        _ = LibC.pthread_sigmask(SIG_SETMASK, none, IntPtr.Zero);
    }

    /// <summary>
    /// This process's <c>environ</c> (the service's environment), without the variables meant for the helper only.
    /// </summary>
    private static IntPtr Environ(NativeStrings strings, List<string> drop, bool listenPid)
    {
        var environ = Marshal.ReadIntPtr(NativeLibrary.GetExport(NativeLibrary.Load(LibC.Name), "environ"));
        if (drop.Count == 0 && !listenPid) return environ;
        var kept = new List<string>();
        // sd_listen_fds(3) checks LISTEN_PID against getpid(): this process is the service after execve.
        if (listenPid)
        {
            drop = [.. drop, "LISTEN_PID"];
            kept.Add("LISTEN_PID=" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        for (var i = 0; Marshal.ReadIntPtr(environ, i * IntPtr.Size) is var entry && entry != IntPtr.Zero; i++)
        {
            var text = Marshal.PtrToStringUTF8(entry) ?? "";
            var eq = text.IndexOf('=');
            if (eq < 0 || !drop.Contains(text[..eq])) kept.Add(text);
        }
        return strings.Vector(kept);
    }
}
