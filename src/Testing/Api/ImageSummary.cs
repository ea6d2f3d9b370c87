namespace Platform.Testing.Api;

/// <summary>One entry of <c>GET /images/json</c>.</summary>
public sealed class ImageSummary
{
    /// <summary>Content-addressed id, <c>sha256:...</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Tags pointing at the image (<c>&lt;none&gt;:&lt;none&gt;</c> or empty for dangling images).</summary>
    public List<string>? RepoTags { get; set; }

    /// <summary>Creation time in Unix seconds.</summary>
    public long Created { get; set; }

    /// <summary>Labels of the image.</summary>
    public Dictionary<string, string>? Labels { get; set; }
}
