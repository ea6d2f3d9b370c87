namespace Platform.Testing.Api;

/// <summary>Answer of <c>GET /exec/{id}/json</c>.</summary>
public sealed class ExecInspect
{
    /// <summary>Whether the process still runs.</summary>
    public bool Running { get; set; }

    /// <summary>Exit code once it ended (null before).</summary>
    public int? ExitCode { get; set; }

    /// <summary>Host PID while it runs.</summary>
    public int Pid { get; set; }
}
