namespace Platform.Host.Lifecycle;

/// <summary>The result of a job, named as systemd names job results.</summary>
internal enum JobResult
{
    /// <summary>The unit reached the wanted state (or was already there).</summary>
    Done,
    /// <summary>The unit failed to start or stop.</summary>
    Failed,
    /// <summary>A condition was not met: the start was skipped, which is not a failure.</summary>
    Skipped,
    /// <summary>A required dependency failed, so the job did not run.</summary>
    Dependency,
    /// <summary>The start or stop timed out.</summary>
    Timeout,
    /// <summary>An assertion failed.</summary>
    Assert,
    /// <summary>
    /// The job could not be queued: a unit it requires does not exist (systemctl exits 5, as for an unknown unit).
    /// </summary>
    Refused,
    /// <summary>The job was cancelled (shutdown began, or a conflicting job replaced it).</summary>
    Canceled,
}
