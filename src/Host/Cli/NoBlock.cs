using System.Diagnostics;

namespace Platform.Host.Cli;

/// <summary>
/// <c>--no-block</c>: the job runs, but nobody waits for it. Without a daemon to queue it, a detached copy of this
/// command (same arguments without <c>--no-block</c>, own session, stdio on /dev/null so a caller reading our output
/// sees it end at once) does the work while we return 0, as systemctl returns once the job is queued.
/// </summary>
internal static class NoBlock
{
    /// <summary>
    /// Verbs that queue jobs; for the others there is nothing to wait for and the flag changes nothing.
    /// </summary>
    public static bool Applies(string verb) =>
        verb is "start" or "stop" or "restart" or "try-restart" or "condrestart" or "reload"
        or "reload-or-restart" or "reload-or-try-restart" or "try-reload-or-restart" or "force-reload" or "default"
        or "halt" or "poweroff" or "reboot" or "kexec" or "exit";

    public static int Detach()
    {
        var args = File.ReadAllText("/proc/self/cmdline").TrimEnd('\0').Split('\0').Skip(1)
            .Where(a => a != "--no-block");
        var start = new ProcessStartInfo("/usr/bin/setsid") { UseShellExecute = false };
        // sh redirects the copy's stdio to /dev/null before exec, so no pipe of the caller stays open.
        foreach (var a in (string[])["-f", "/bin/sh", "-c", "exec \"$0\" \"$@\" </dev/null >/dev/null 2>&1",
            Environment.ProcessPath!, .. args])
            start.ArgumentList.Add(a);
        using var child = Process.Start(start);
        return ExitCodes.Success;
    }
}
