namespace Platform.Journal;

/// <summary>Tuning of a <see cref="JournalPump"/>; the defaults suit both PID 1 and the detached pump.</summary>
internal sealed class JournalPumpOptions
{
    /// <summary>
    /// Stop after this long without any stream (the detached pump uses 60 s); null: run until cancelled.
    /// </summary>
    public TimeSpan? IdleExit { get; init; }

    /// <summary>Streams served at once; more are refused (journald's limit is also 4096).</summary>
    public int MaxStreams { get; init; } = 4096;

    /// <summary>
    /// Bytes of records waiting for the sinks before the pump stops reading (services then block in write).
    /// </summary>
    public long QueueBytes { get; init; } = 16 << 20;

    /// <summary>
    /// After a burst of output, this long without any: give the memory of the burst back to the system (a compacting
    /// full collection), so a long-running pump stays small. Null: never.
    /// </summary>
    public TimeSpan? TrimAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The unit a process belongs to by the manager's own records (its sessions, main process and descendants), or
    /// null. Streams connected by someone other than root or the pump's own user get their unit from this, never from
    /// their header, as journald takes <c>_SYSTEMD_UNIT</c> from the writer's cgroup. Null: such streams are unit-less.
    /// </summary>
    public Func<int, string?>? UnitOfPid { get; init; }

    /// <summary>Where the pump's own problems go; null: logged as records of <c>systemd-journald.service</c>.</summary>
    public Action<string>? Warn { get; init; }
}
