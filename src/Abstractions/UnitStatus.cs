namespace Platform.Abstractions;

/// <summary>
/// What the host remembers about one unit between separate systemctl calls. Timestamps are
/// microseconds since the Unix epoch (0 = never), as systemd's <c>*Timestamp</c> properties hold them.
/// </summary>
public sealed record UnitStatus
{
    /// <summary>The unit name the record belongs to.</summary>
    public required string Unit { get; init; }
    /// <summary>The high-level state.</summary>
    public ActiveState ActiveState { get; init; } = ActiveState.Inactive;
    /// <summary>
    /// The type-specific state: <c>running</c>, <c>exited</c>, <c>dead</c>, <c>failed</c>, <c>start</c>, ...
    /// </summary>
    public string SubState { get; init; } = "dead";
    /// <summary>
    /// Why the unit last ended: <c>success</c>, <c>exit-code</c>, <c>signal</c>, <c>timeout</c>, <c>core-dump</c>,
    /// <c>watchdog</c>, <c>start-limit-hit</c>, <c>resources</c>, <c>protocol</c>.
    /// </summary>
    public string Result { get; init; } = "success";
    /// <summary>The main process, or 0.</summary>
    public int MainPid { get; init; }
    /// <summary>
    /// The main process's start time in clock ticks after boot (/proc/PID/stat field 22), so a reused PID is not
    /// mistaken for it.
    /// </summary>
    public ulong MainPidStartTime { get; init; }
    /// <summary>A control process (ExecStartPre, ExecReload, ...) currently running, or 0.</summary>
    public int ControlPid { get; init; }
    /// <summary>The process last started by ExecStart.</summary>
    public int ExecMainPid { get; init; }
    /// <summary>
    /// How it ended: 0 not yet, 1 exited (CLD_EXITED), 2 killed (CLD_KILLED), 3 dumped core (CLD_DUMPED).
    /// </summary>
    public int ExecMainCode { get; init; }
    /// <summary>The exit status or signal number of the main process.</summary>
    public int ExecMainStatus { get; init; }
    /// <summary>When the main process started.</summary>
    public long ExecMainStartTimestamp { get; init; }
    /// <summary>When the main process ended.</summary>
    public long ExecMainExitTimestamp { get; init; }
    /// <summary>When the unit last entered <c>active</c>.</summary>
    public long ActiveEnterTimestamp { get; init; }
    /// <summary>When the unit last left <c>active</c>.</summary>
    public long ActiveExitTimestamp { get; init; }
    /// <summary>When the unit last left <c>inactive</c>.</summary>
    public long InactiveExitTimestamp { get; init; }
    /// <summary>When the unit last entered <c>inactive</c> or <c>failed</c>.</summary>
    public long InactiveEnterTimestamp { get; init; }
    /// <summary>When any state last changed.</summary>
    public long StateChangeTimestamp { get; init; }
    /// <summary>The last <c>STATUS=</c> text the service sent.</summary>
    public string? StatusText { get; init; }
    /// <summary>The last <c>ERRNO=</c> the service sent.</summary>
    public int StatusErrno { get; init; }
    /// <summary>How often the unit was restarted automatically.</summary>
    public int NRestarts { get; init; }
    /// <summary>The notify address handed to the service, if any.</summary>
    public string? NotifySocket { get; init; }
    /// <summary>The boot the record was written in; stores ignore records of other boots.</summary>
    public string? BootId { get; init; }
    /// <summary>A random id for this activation.</summary>
    public string? InvocationId { get; init; }
    /// <summary>Further values for plugins and later versions; keys should be namespaced.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
}
