namespace Platform.Abstractions;

/// <summary>
/// The metadata every typed export attribute carries, as the host reads it from a composition container.
/// </summary>
public sealed class PluginExportMetadata
{
    /// <summary>The export's name (e.g. <c>sqlite</c>).</summary>
    public string Name { get; set; } = "";
}
