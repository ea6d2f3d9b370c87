namespace Platform.Testing.Api;

/// <summary>The <c>aux</c> object of a build message.</summary>
public sealed class BuildAux
{
    /// <summary>Id of the built image, <c>sha256:...</c>.</summary>
    public string? ID { get; set; }
}
