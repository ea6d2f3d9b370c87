using System.Globalization;
using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Exec;
using Platform.Interop;

namespace Platform.Host.Paths;

/// <summary>
/// <c>stop x.path</c>: the detached watcher (if one serves it) is told to end; the record then says inactive.
/// </summary>
internal static class PathStop
{
    public static void EndWatcher(HostContext ctx, UnitStatus status)
    {
        if (!status.Extra.TryGetValue(PathRuntime.WatcherKey, out var text)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return;
        // Only our own watcher: a recycled pid must not be signalled.
        if (!ProcFs.IsAlive(pid) || !IsWatcher(pid, status.Unit)) return;
        // ESRCH: it ended on its own meanwhile. Another error leaves a watcher running: say so.
        if (LibC.Kill(pid, LibC.SIGTERM) is not (0 or LibC.ESRCH) and var errno)
            ctx.Warn($"Failed to stop the watcher of {status.Unit} (PID {pid}): {LibC.StrError(errno)}");
    }

    private static bool IsWatcher(int pid, string unit)
    {
        try
        {
            var argv = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return argv.Length > 2 && argv[1] == PathWatcherProcess.Mode && argv[2] == unit;
        }
        catch (IOException) { return false; }
    }
}
