using Platform.Abstractions;
using Platform.Exec;
using Platform.Interop;

namespace Platform.Host.Lifecycle;

/// <summary>
/// Runs a list of control commands (ExecStartPre=, ExecStop=, ...) one after the other, as systemd.service(5) says.
/// </summary>
internal static class ControlCommands
{
    /// <summary>
    /// Runs every command of <paramref name="setting"/>; returns the exit of the first one that failed without a
    /// <c>-</c> prefix (and stops there when <paramref name="stopOnFailure"/>), or null when all succeeded.
    /// A command still running at cancellation is killed.
    /// </summary>
    public static async Task<ProcessExit?> RunAsync(ServiceContext context, string setting, int? mainPid,
        CancellationToken ct, bool stopOnFailure = true)
    {
        ProcessExit? failure = null;
        foreach (var command in context.Commands(setting))
        {
            ChildProcess child;
            try { child = context.Spawn(command, mainPid); }
            catch (ServiceStartException) when (command.IgnoreFailure) { continue; }
            ProcessExit exit;
            try { exit = await child.Exited.WaitAsync(ct).ConfigureAwait(false); }
            catch (OperationCanceledException)
            {
                // Our own child: only ESRCH (already gone) can fail, and that is fine.
                _ = LibC.Kill(child.Pid, LibC.SIGKILL);
                throw;
            }
            lock (context.ControlLines)
                context.ControlLines.Add(RuntimeRecord.ProcessLine(child.Pid, setting, command, exit));
            if (exit.IsCleanExit || command.IgnoreFailure) continue;
            failure ??= exit;
            if (stopOnFailure) break;
        }
        return failure;
    }
}
