namespace Platform.Testing.Api;

/// <summary>A named volume as listed or inspected.</summary>
public sealed class Volume
{
    /// <summary>Volume name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Creation time, RFC 3339.</summary>
    public string? CreatedAt { get; set; }

    /// <summary>Labels.</summary>
    public Dictionary<string, string>? Labels { get; set; }
}
