using Platform.Abstractions;

namespace Platform.Exec;

/// <summary>What the host hands to a <see cref="ServiceContext"/> for one start (or stop/reload) of a unit.</summary>
internal sealed record ServiceContextOptions
{
    /// <summary>
    /// The unit; its [Service] section supplies User=, Group=, SupplementaryGroups=, WorkingDirectory=, UMask=,
    /// Standard*=, PIDFile=.
    /// </summary>
    public required UnitDefinition Unit { get; init; }
    /// <summary>
    /// The environment pieces (Environment=, EnvironmentFile= contents, INVOCATION_ID...); User=, NOTIFY_SOCKET and
    /// MAINPID are filled in by the context.
    /// </summary>
    public ServiceEnvironmentSpec Environment { get; init; } = new();
    /// <summary>The spawner (default: one using this program as its <c>__exec</c> helper).</summary>
    public ProcessSpawner? Spawner { get; init; }
    /// <summary>The notify endpoint opened for this start, if any.</summary>
    public INotifyEndpoint? Notify { get; init; }
    /// <summary>The start timeout; null derives it from the unit (<see cref="ServiceTimeouts.Start"/>).</summary>
    public TimeSpan? StartTimeout { get; init; }
    /// <summary>The <c>--root</c> (PIDFile= is read below it); <c>/</c> by default.</summary>
    public string Root { get; init; } = "/";
    /// <summary>
    /// Where <c>StandardOutput=journal</c> (the default) goes, e.g. a socket to the log pump; /dev/null when not given.
    /// </summary>
    public StdioTarget Journal { get; init; } = StdioTarget.Null;
    /// <summary>Receives verbose diagnostics.</summary>
    public Action<string>? Trace { get; init; }
    /// <summary>Receives <c>STATUS=</c> texts.</summary>
    public Action<string>? StatusText { get; init; }
    /// <summary>
    /// Called after each spawn with the sessions of everything spawned so far (the starter records them at once).
    /// </summary>
    public Action<IReadOnlyList<int>>? Spawned { get; init; }
    /// <summary>
    /// Socket activation: descriptors ExecStart= gets from fd 3 on, with LISTEN_FDS, LISTEN_PID and LISTEN_FDNAMES.
    /// </summary>
    public IReadOnlyList<int> ListenFds { get; init; } = [];
    /// <summary>
    /// The name of each of <see cref="ListenFds"/> (FileDescriptorName=, <c>connection</c> for an accepted one).
    /// </summary>
    public IReadOnlyList<string> ListenFdNames { get; init; } = [];
    /// <summary>
    /// An Accept=yes connection: the target of <c>StandardInput=socket</c>/<c>StandardOutput=socket</c>.
    /// </summary>
    public int? Connection { get; init; }
    /// <summary>
    /// The unit's cgroup directory every command is spawned into, or null without a cgroup2 hierarchy.
    /// </summary>
    public string? ControlGroup { get; init; }
}
