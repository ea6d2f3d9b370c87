namespace Platform.Testing.Api;

/// <summary>The daemon's answer to <c>GET /version</c>.</summary>
public sealed class SystemVersion
{
    /// <summary>Engine version, e.g. <c>20.10.24+dfsg1</c>.</summary>
    public string? Version { get; set; }

    /// <summary>Highest Engine API version the daemon speaks, e.g. <c>1.41</c>.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Operating system of the daemon (<c>linux</c>).</summary>
    public string? Os { get; set; }

    /// <summary>CPU architecture of the daemon.</summary>
    public string? Arch { get; set; }

    /// <summary>Kernel the containers share.</summary>
    public string? KernelVersion { get; set; }
}
