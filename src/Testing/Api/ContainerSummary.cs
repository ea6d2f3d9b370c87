namespace Platform.Testing.Api;

/// <summary>One entry of <c>GET /containers/json</c>.</summary>
public sealed class ContainerSummary
{
    /// <summary>Full container id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Names, each with a leading slash.</summary>
    public List<string>? Names { get; set; }

    /// <summary>Image as given at creation.</summary>
    public string? Image { get; set; }

    /// <summary>Creation time in Unix seconds.</summary>
    public long Created { get; set; }

    /// <summary>State word (<c>running</c>, <c>exited</c>, ...).</summary>
    public string? State { get; set; }

    /// <summary>Labels.</summary>
    public Dictionary<string, string>? Labels { get; set; }
}
