namespace Platform.Testing.Api;

/// <summary>Answer of <c>GET /volumes</c>.</summary>
public sealed class VolumeList
{
    /// <summary>The volumes (null when there are none).</summary>
    public List<Volume>? Volumes { get; set; }
}
