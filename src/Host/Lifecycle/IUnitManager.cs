using Platform.Abstractions;

namespace Platform.Host.Lifecycle;

/// <summary>
/// What the init (and the start/stop commands) ask of the lifecycle engine. One implementation works on one root
/// and mode; every change to a unit happens under that unit's lock and ends in the status store, so a separate
/// <c>systemctl</c> sees it at once.
/// </summary>
internal interface IUnitManager
{
    /// <summary>
    /// Starts <paramref name="units"/> with what they require and want (including <c>.wants/</c> and
    /// <c>.requires/</c> folders and targets), ordered by After/Before, units that do not depend on each other in
    /// parallel. Units already active are left alone. Unless <paramref name="boot"/> (the boot transaction of an init
    /// that is PID 1), the units of the <see cref="BootSet"/> count as reached and are started only when named.
    /// </summary>
    Task<IReadOnlyList<UnitJobResult>> StartAsync(IReadOnlyList<string> units, CancellationToken cancellationToken,
        bool boot = false);

    /// <summary>
    /// Stops <paramref name="units"/> and the units that require, bind to or are part of them, in reverse order.
    /// </summary>
    Task<IReadOnlyList<UnitJobResult>> StopAsync(IReadOnlyList<string> units, CancellationToken cancellationToken);

    /// <summary>Stops every unit that is not inactive, in reverse dependency order (shutdown).</summary>
    Task<IReadOnlyList<UnitJobResult>> StopAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Init reaped the main process of <paramref name="unit"/>: record the real exit, run ExecStop/ExecStopPost,
    /// end the unit's remaining processes, settle the state (inactive, or failed per SuccessExitStatus) and stop
    /// the units bound to it. Restart policies are the caller's decision; the returned status tells it the result.
    /// A pid that is not the unit's main process (a control process, a stray child) is ignored and returns null.
    /// </summary>
    Task<UnitStatus?> MainProcessExitedAsync(string unit, int pid, ProcessExit exit,
        CancellationToken cancellationToken);

    /// <summary>
    /// The unit whose main or control process is <paramref name="pid"/>, from the status store; null when none.
    /// </summary>
    string? FindUnitByPid(int pid);
}
