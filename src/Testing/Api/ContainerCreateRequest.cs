namespace Platform.Testing.Api;

/// <summary>Body of <c>POST /containers/create</c>.</summary>
public sealed class ContainerCreateRequest
{
    /// <summary>Image name or id.</summary>
    public string Image { get; set; } = "";

    /// <summary>Command.</summary>
    public List<string>? Cmd { get; set; }

    /// <summary>Entrypoint (overrides the image's).</summary>
    public List<string>? Entrypoint { get; set; }

    /// <summary>User as <c>name</c>, <c>uid</c> or <c>uid:gid</c>.</summary>
    public string? User { get; set; }

    /// <summary>Environment as <c>NAME=value</c>.</summary>
    public List<string>? Env { get; set; }

    /// <summary>Working directory of the command.</summary>
    public string? WorkingDir { get; set; }

    /// <summary>Host name.</summary>
    public string? Hostname { get; set; }

    /// <summary>Signal sent by <c>stop</c> (default SIGTERM).</summary>
    public string? StopSignal { get; set; }

    /// <summary>Labels.</summary>
    public Dictionary<string, string>? Labels { get; set; }

    /// <summary>Always false: a TTY would merge stdout and stderr.</summary>
    public bool Tty { get; set; }

    /// <summary>Host-side settings.</summary>
    public HostConfig HostConfig { get; set; } = new();
}
