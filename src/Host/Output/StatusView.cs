using Platform.Abstractions;

namespace Platform.Host.Output;

/// <summary>Everything <c>systemctl status</c> prints for one unit, gathered before formatting.</summary>
internal sealed record StatusView
{
    public required UnitDefinition Unit { get; init; }
    /// <summary>
    /// Maps an on-disk path to the path inside the managed root (what the Loaded:/Drop-In: lines show).
    /// </summary>
    public Func<string, string> InRoot { get; init; } = p => p;
    public required string ActiveState { get; init; }
    public required string SubState { get; init; }
    public string Result { get; init; } = "success";
    public string? UnitFileState { get; init; }
    public string? UnitFilePreset { get; init; }
    public long StateSinceUsec { get; init; }
    public int MainPid { get; init; }
    public string? MainPidName { get; init; }
    public ProcessExit? MainExit { get; init; }
    public string? StatusText { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Documentation { get; init; } = [];
    /// <summary>
    /// A timer's <c>Trigger:</c> line (next elapse and time left, or <c>n/a</c>); null for other units.
    /// </summary>
    public string? TimerTrigger { get; init; }
    /// <summary>The units a timer activates, for the <c>Triggers:</c> lines.</summary>
    public IReadOnlyList<string> Triggers { get; init; } = [];
    /// <summary>A socket's <c>Listen:</c> lines (<c>ADDRESS (Stream)</c>).</summary>
    public IReadOnlyList<string> Listen { get; init; } = [];
    public IReadOnlyList<(int Pid, string CommandLine)> Processes { get; init; } = [];
    /// <summary>
    /// The unit's cgroup (<c>/system.slice/x.service</c>) when it has one; the CGroup line names the unit otherwise.
    /// </summary>
    public string? ControlGroup { get; init; }
    public IReadOnlyList<string> ProcessLines { get; init; } = [];
    /// <summary>
    /// How long the unit was active, for an inactive or failed unit that was (systemd's <c>Duration:</c>).
    /// </summary>
    public long? DurationUsec { get; init; }
    public IReadOnlyList<string> LogLines { get; init; } = [];
    public string? ConditionFailure { get; init; }
    public long ConditionTimestampUsec { get; init; }
    public string? AssertFailure { get; init; }
    public long AssertTimestampUsec { get; init; }
}
