namespace Platform.Testing.Api;

/// <summary>One JSON line of the <c>POST /build</c> progress stream.</summary>
public sealed class BuildMessage
{
    /// <summary>Builder output text (step lines, RUN output).</summary>
    public string? Stream { get; set; }

    /// <summary>Set when the build failed.</summary>
    public string? Error { get; set; }

    /// <summary>Structured form of <see cref="Error"/>.</summary>
    public ErrorResponse? ErrorDetail { get; set; }

    /// <summary>Auxiliary data; carries the built image id.</summary>
    public BuildAux? Aux { get; set; }
}
