namespace Platform.Testing.Api;

/// <summary>Run state of a container.</summary>
public sealed class ContainerState
{
    /// <summary><c>created</c>, <c>running</c>, <c>paused</c>, <c>restarting</c>, <c>removing</c>, <c>exited</c> or <c>dead</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Whether the main process runs.</summary>
    public bool Running { get; set; }

    /// <summary>Exit code of the main process once it exited.</summary>
    public int ExitCode { get; set; }

    /// <summary>Host PID of the main process while it runs.</summary>
    public int Pid { get; set; }

    /// <summary>Whether the kernel's OOM killer ended it.</summary>
    public bool OOMKilled { get; set; }

    /// <summary>Start failure text, if any.</summary>
    public string? Error { get; set; }

    /// <summary>Start time, RFC 3339.</summary>
    public string? StartedAt { get; set; }

    /// <summary>End time, RFC 3339.</summary>
    public string? FinishedAt { get; set; }
}
