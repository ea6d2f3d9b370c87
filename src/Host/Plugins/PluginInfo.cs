namespace Platform.Host.Plugins;

/// <summary>One row of <c>list-plugins</c>: an export (or a plugin folder that offers none) and its state.</summary>
/// <param name="Kind">The export's kind, or <c>-</c> when unknown.</param>
/// <param name="Name">The export's name, or the plugin's name when no export is known.</param>
/// <param name="Assembly">The plugin's entry assembly file, or <c>-</c>.</param>
/// <param name="Version">The plugin's version from its manifest, or <c>-</c>.</param>
/// <param name="State"><c>loaded</c>, <c>not loaded</c>, <c>skipped: REASON</c> or <c>shadowed by FOLDER</c>.</param>
/// <param name="Folder">The plugin folder.</param>
public sealed record PluginInfo(string Kind, string Name, string Assembly, string Version, string State, string Folder);
