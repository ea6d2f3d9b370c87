namespace Platform.Testing.Api;

/// <summary>The configuration part of a container or image inspection.</summary>
public sealed class ContainerConfig
{
    /// <summary>Image the container was created from (as given at creation).</summary>
    public string? Image { get; set; }

    /// <summary>Command (arguments after the entrypoint).</summary>
    public List<string>? Cmd { get; set; }

    /// <summary>Entrypoint.</summary>
    public List<string>? Entrypoint { get; set; }

    /// <summary>Environment as <c>NAME=value</c> strings.</summary>
    public List<string>? Env { get; set; }

    /// <summary>User the command runs as.</summary>
    public string? User { get; set; }

    /// <summary>Host name inside the container.</summary>
    public string? Hostname { get; set; }

    /// <summary>Labels (the harness's <c>platform.*</c> labels among them).</summary>
    public Dictionary<string, string>? Labels { get; set; }
}
