namespace Platform.Abstractions;

/// <summary>
/// What the host gives a service type for one start: the unit, its parsed commands, a way to run them,
/// and the notify endpoint when one was opened. Implemented by the host; plugins never spawn processes themselves.
/// </summary>
public interface IServiceContext
{
    /// <summary>The unit being started.</summary>
    UnitDefinition Unit { get; }

    /// <summary>The commands of an <c>Exec*=</c> setting (e.g. <c>ExecStart</c>), in order.</summary>
    IReadOnlyList<ExecCommand> Commands(string setting);

    /// <summary>
    /// How long start-up may take (<c>TimeoutStartSec=</c>, or a <c>-c</c> override);
    /// <see cref="SystemdValues.Infinity"/> for none.
    /// </summary>
    TimeSpan StartTimeout { get; }

    /// <summary>
    /// The endpoint opened for this start when the type asked for one (<see cref="IServiceType.NeedsNotify"/>), else
    /// null.
    /// </summary>
    INotifyEndpoint? Notify { get; }

    /// <summary>
    /// Spawns a command as a service process: own session, stdin from /dev/null, output to the unit's log, the unit's
    /// credentials and environment. Throws <see cref="ServiceStartException"/> when it cannot be executed.
    /// </summary>
    IServiceProcess Spawn(ExecCommand command);

    /// <summary>The absolute <c>PIDFile=</c> path (relative to <c>--root</c>), or null.</summary>
    string? PidFile { get; }

    /// <summary>Reads the PID file; null when absent or not a valid PID.</summary>
    int? ReadPidFile();

    /// <summary>Whether a process exists and is not a zombie.</summary>
    bool IsAlive(int pid);

    /// <summary>
    /// Guesses the main process among the live processes of the unit's session (for forking services without
    /// <c>PIDFile=</c>); null if none.
    /// </summary>
    int? GuessMainPid();

    /// <summary>
    /// Whether <c>MAINPID=</c><paramref name="pid"/> from <paramref name="message"/>'s sender may replace
    /// <paramref name="currentMain"/> (systemd 252: a pid outside the unit's processes only from a root sender; never
    /// PID 1, the manager itself or a pid that does not exist). A host explains a refusal through <see cref="Trace"/>.
    /// </summary>
    bool AcceptsMainPid(int pid, int currentMain, NotifyMessage message) => pid > 1 && IsAlive(pid);

    /// <summary>Records a status text (as <c>STATUS=</c> would) for <c>systemctl status</c>.</summary>
    void SetStatusText(string text);

    /// <summary>Writes a diagnostic line when the user asked for verbose output.</summary>
    void Trace(string message);
}
