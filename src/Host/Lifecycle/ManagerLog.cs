using System.Text;
using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Journal;

namespace Platform.Host.Lifecycle;

/// <summary>
/// The manager's own journal lines about a unit ("Starting x.service - Web...", "x.service: Deactivated
/// successfully."), written under the unit as systemd 252 writes them (identifier <c>systemd</c>), so
/// <c>journalctl -u</c> and the log tail of <c>status</c> show them between the service's own lines. Only when a log
/// pump already runs: a pump is never started just for these lines, and a pump that cannot be reached costs them.
/// </summary>
internal static class ManagerLog
{
    public const int Err = 3, Warning = 4, Notice = 5, Info = 6;

    /// <summary>
    /// systemd's combined unit format (StatusUnitFormat=combined): <c>NAME - DESCRIPTION</c>, or the name alone.
    /// </summary>
    public static string Combined(UnitDefinition unit)
        => unit.Get("Unit", "Description") is { Length: > 0 } d && d != unit.Name ? $"{unit.Name} - {d}" : unit.Name;

    public static void Write(HostContext ctx, UnitDefinition unit, int priority, string message,
        string? invocationId = null)
    {
        if (priority > ctx.Config.LogLevel) return;
        try
        {
            var header = new JournalStreamHeader(unit.Name, "systemd", "stdout", Info, true, invocationId);
            using var stream = JournalStreamClient.TryConnect(JournalPaths.Socket(ctx.RootOrSlash), header);
            if (stream is null) return;
            using var file = new FileStream(stream, FileAccess.Write, 1);
            var bytes = Encoding.UTF8.GetBytes($"<{priority}>{message}\n");
            file.Write(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>"x.service: Main process exited, code=exited, status=3/NOTIMPLEMENTED" and the like.</summary>
    public static void MainExited(HostContext ctx, UnitDefinition unit, ProcessExit exit, string? invocationId)
        => Write(ctx, unit, exit.IsCleanExit ? Info : Notice,
            $"{unit.Name}: Main process exited, {Output.StatusPrinter.ExitText(exit)}", invocationId);

    /// <summary>The lines systemd writes when a unit ends: deactivated, or failed with its result.</summary>
    public static void Ended(HostContext ctx, UnitDefinition unit, string result, string? invocationId)
    {
        if (result == "success") Write(ctx, unit, Info, $"{unit.Name}: Deactivated successfully.", invocationId);
        else Write(ctx, unit, Warning, $"{unit.Name}: Failed with result '{result}'.", invocationId);
    }
}
