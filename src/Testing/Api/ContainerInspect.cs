namespace Platform.Testing.Api;

/// <summary>The daemon's answer to <c>GET /containers/{id}/json</c> (the parts tests use).</summary>
public sealed class ContainerInspect
{
    /// <summary>Full container id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Name with its leading slash.</summary>
    public string? Name { get; set; }

    /// <summary>Creation time, RFC 3339.</summary>
    public string? Created { get; set; }

    /// <summary>Id of the image it runs.</summary>
    public string? Image { get; set; }

    /// <summary>Run state.</summary>
    public ContainerState State { get; set; } = new();

    /// <summary>Configuration (labels, command, user, environment).</summary>
    public ContainerConfig Config { get; set; } = new();

    /// <summary>Host-side settings (network mode, capabilities, mounts).</summary>
    public HostConfig HostConfig { get; set; } = new();
}
