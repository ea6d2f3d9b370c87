namespace Platform.Testing.Api;

/// <summary>Answer of <c>POST /containers/{id}/wait</c>.</summary>
public sealed class WaitResponse
{
    /// <summary>Exit code of the container's main process.</summary>
    public long StatusCode { get; set; }

    /// <summary>Set when waiting itself failed.</summary>
    public ErrorResponse? Error { get; set; }
}
