using System.Globalization;
using Platform.Abstractions;
using Platform.Host.Exec;

namespace Platform.Host.Paths;

/// <summary>
/// <c>stop x.path</c>: the detached watcher (if one serves it) is told to end; the record then says inactive.
/// </summary>
internal static class PathStop
{
    public static void EndWatcher(UnitStatus status)
    {
        if (!status.Extra.TryGetValue(PathRuntime.WatcherKey, out var text)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return;
        // Only our own watcher: a recycled pid must not be signalled.
        if (!ProcFs.IsAlive(pid) || !IsWatcher(pid, status.Unit)) return;
        Mono.Unix.Native.Syscall.kill(pid, Mono.Unix.Native.Signum.SIGTERM);
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
