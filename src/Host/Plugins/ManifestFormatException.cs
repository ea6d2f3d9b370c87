namespace Platform.Host.Plugins;

/// <summary>A well-formed JSON manifest whose content does not match the plugin.json format.</summary>
internal sealed class ManifestFormatException(string message) : Exception(message);
