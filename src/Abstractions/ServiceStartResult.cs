namespace Platform.Abstractions;

/// <summary>How a start ended, as a service type reports it to the host.</summary>
public sealed record ServiceStartResult
{
    /// <summary>Whether the unit counts as started.</summary>
    public required bool Success { get; init; }
    /// <summary>
    /// systemd's result word: <c>success</c>, <c>exit-code</c>, <c>signal</c>, <c>timeout</c>, <c>protocol</c>,
    /// <c>resources</c>, <c>core-dump</c>.
    /// </summary>
    public string Result { get; init; } = "success";
    /// <summary>The main process (0 when none is left, e.g. a finished oneshot).</summary>
    public int MainPid { get; init; }
    /// <summary>
    /// The sub-state to record when started: <c>running</c> or <c>exited</c>; a successful oneshot without
    /// RemainAfterExit reports <c>dead</c>; <c>failed</c> with <see cref="Success"/> means the start job is done but
    /// the main process could not run (Type=simple whose executable is missing: the unit fails with 203/EXEC
    /// afterwards).
    /// </summary>
    public string SubState { get; init; } = "running";
    /// <summary>How the main process ended, when it did during start.</summary>
    public ProcessExit? MainExit { get; init; }
    /// <summary>A one-line explanation for a failure.</summary>
    public string? Message { get; init; }

    /// <summary>A failed start with a result word and reason.</summary>
    public static ServiceStartResult Failed(string result, string message, ProcessExit? exit = null, int mainPid = 0)
        => new() { Success = false, Result = result, Message = message, MainExit = exit, MainPid = mainPid,
            SubState = "failed" };
}
