namespace Platform.Testing.Api;

/// <summary>Body of <c>POST /volumes/create</c>.</summary>
public sealed class VolumeCreateRequest
{
    /// <summary>Volume name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Labels.</summary>
    public Dictionary<string, string>? Labels { get; set; }
}
