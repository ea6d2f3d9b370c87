namespace Platform.Testing.Api;

/// <summary>Answer of create calls (<c>POST /containers/create</c>, <c>POST /containers/{id}/exec</c>).</summary>
public sealed class IdResponse
{
    /// <summary>Id of the created object.</summary>
    public string Id { get; set; } = "";

    /// <summary>Warnings the daemon attached, if any.</summary>
    public List<string>? Warnings { get; set; }
}
