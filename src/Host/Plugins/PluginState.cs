namespace Platform.Host.Plugins;

/// <summary>How far a plugin folder got.</summary>
internal enum PluginState
{
    /// <summary>Discovered; no assembly loaded yet.</summary>
    NotLoaded,
    /// <summary>Assemblies loaded and composed.</summary>
    Loaded,
    /// <summary>Refused or broken; never tried again in this process.</summary>
    Skipped,
}
