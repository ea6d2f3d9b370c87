namespace Platform.Exec;

/// <summary>
/// What belongs to a unit when it is stopped: its main process and the sessions its processes were started in.
/// </summary>
/// <param name="MainPid">The main process, or 0 when none is known.</param>
/// <param name="MainStartTime">The main process's recorded start time (<c>/proc/PID/stat</c> field 22); guards against
/// pid reuse. Null or 0 skips the check.</param>
/// <param name="Sessions">Session ids recorded at start (every spawned process leads its own session; record
/// <see cref="ServiceContext.Sessions"/>).</param>
/// <param name="ControlGroup">The unit's cgroup directory when it has one: every member belongs to the unit.</param>
/// <param name="InvocationId">The run's <c>INVOCATION_ID</c>: without a cgroup, processes carrying it belong to the
/// unit too.</param>
internal sealed record KillTarget(int MainPid, ulong? MainStartTime = null, IReadOnlyList<int>? Sessions = null,
    string? ControlGroup = null,
    string? InvocationId = null);
