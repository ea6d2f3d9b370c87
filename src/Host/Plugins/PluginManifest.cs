namespace Platform.Host.Plugins;

/// <summary>
/// A parsed <c>plugin.json</c>: what a plugin folder holds, read without loading any of its assemblies.
/// </summary>
/// <param name="Name">The plugin's name, e.g. <c>status-store-json</c>.</param>
/// <param name="Version">The plugin's own version as written (may be empty).</param>
/// <param name="Contracts">The Platform.Abstractions version the plugin was built against.</param>
/// <param name="Assemblies">The assemblies to compose, plain file names in the folder; the first one is the entry
/// assembly.</param>
/// <param name="Exports">The exports the plugin declares, or null when the manifest lists none (then it is loaded only
/// as a last resort).</param>
public sealed record PluginManifest(string Name, string Version, Version Contracts,
    IReadOnlyList<string> Assemblies, IReadOnlyList<PluginExportName>? Exports)
{
    /// <summary>The manifest's file name inside a plugin folder.</summary>
    public const string FileName = "plugin.json";

    /// <summary>
    /// The implementing type of each export that names one (<c>"type"</c> in the export entry). Only the built-in
    /// plugins' types are trusted for direct activation; list-plugins checks them against the MEF exports.
    /// </summary>
    public IReadOnlyDictionary<PluginExportName, string>? ExportTypes { get; init; }
}
