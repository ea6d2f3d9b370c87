namespace Platform.Testing.Api;

/// <summary>The daemon's answer to <c>GET /images/{name}/json</c> (the parts tests use).</summary>
public sealed class ImageInspect
{
    /// <summary>Content-addressed id, <c>sha256:...</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Tags pointing at the image.</summary>
    public List<string>? RepoTags { get; set; }

    /// <summary>Creation time as RFC 3339 text.</summary>
    public string? Created { get; set; }

    /// <summary>The image's run configuration (labels, command, environment).</summary>
    public ContainerConfig? Config { get; set; }
}
