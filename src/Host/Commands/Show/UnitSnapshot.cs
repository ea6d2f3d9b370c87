using Platform.Abstractions;

namespace Platform.Host.Commands.Show;

/// <summary>
/// A unit with everything known about it right now: definition, install state, runtime status, dependencies.
/// </summary>
internal sealed record UnitSnapshot
{
    public required UnitDefinition Unit { get; init; }
    public IReadOnlyList<string> Names { get; init; } = [];
    public string? UnitFileState { get; init; }
    public string? UnitFilePreset { get; init; }
    /// <summary>The effective runtime state (already checked against the live process table).</summary>
    public required UnitStatus Status { get; init; }
    /// <summary>
    /// Dependency properties by systemd name (Requires, Wants, WantedBy, After, ...), forward and reverse.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Dependencies { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>The parsed commands of each Exec* setting, for the <c>ExecStart={ path=... }</c> properties.</summary>
    public Func<string, IReadOnlyList<ExecCommand>> Commands { get; init; } = _ => [];
    /// <summary>A timer's schedule while it is active (null otherwise), for NextElapse* and Timers*.</summary>
    public Timers.TimerSchedule? TimerSchedule { get; init; }
    /// <summary>An active socket's connection counts, asked from its holder when wanted (null otherwise).</summary>
    public Sockets.SocketCounters? SocketCounters { get; init; }
    /// <summary>The slice the unit's processes belong to (services), else null.</summary>
    public string? Slice { get; init; }
    /// <summary>The unit's cgroup when it has one (<c>/system.slice/x.service</c>), else null.</summary>
    public string? ControlGroup { get; init; }
}
