namespace Platform.Testing.Api;

/// <summary>Body of <c>POST /exec/{id}/start</c>.</summary>
public sealed class ExecStartRequest
{
    /// <summary>False: the call streams the output until the process ends.</summary>
    public bool Detach { get; set; }

    /// <summary>Always false, so the output arrives multiplexed.</summary>
    public bool Tty { get; set; }
}
