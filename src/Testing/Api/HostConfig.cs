namespace Platform.Testing.Api;

/// <summary>Host-side settings of a container (<c>HostConfig</c> in the Engine API).</summary>
public sealed class HostConfig
{
    /// <summary>Network mode; the harness always uses <c>none</c>.</summary>
    public string? NetworkMode { get; set; }

    /// <summary>Capabilities added to the default set, e.g. <c>SYS_ADMIN</c>.</summary>
    public List<string>? CapAdd { get; set; }

    /// <summary>Capabilities dropped from the default set.</summary>
    public List<string>? CapDrop { get; set; }

    /// <summary>Security options, e.g. <c>seccomp=unconfined</c>.</summary>
    public List<string>? SecurityOpt { get; set; }

    /// <summary>tmpfs mounts: container path to mount options (empty for defaults).</summary>
    public Dictionary<string, string>? Tmpfs { get; set; }

    /// <summary>Bind mounts and named volumes as <c>source:target[:options]</c>.</summary>
    public List<string>? Binds { get; set; }

    /// <summary>Whether docker injects its own init as PID 1 (never, for our tests).</summary>
    public bool? Init { get; set; }
}
