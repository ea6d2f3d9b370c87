using Platform.Host.Configuration;

namespace Platform.Host.Plugins;

/// <summary>
/// Where plugins are looked for, in precedence order (the first folder offering a kind/name wins):
/// the built-ins linked into this executable; <c>ROOT/etc/platform/plugins/*/</c>;
/// <c>ROOT/usr/lib/platform/plugins/*/</c>; each folder of <c>$PLATFORM_PLUGIN_PATH</c>; each folder of the
/// configuration's <c>PluginPath=</c> (root-relative). A path entry is either a plugin folder (it holds plugin.json) or
/// a folder of plugin folders.
/// </summary>
public sealed record PluginSearchOptions
{
    /// <summary>
    /// The environment variable with extra plugin folders, colon-separated, taken as written (not root-relative).
    /// </summary>
    public const string EnvironmentVariable = "PLATFORM_PLUGIN_PATH";

    /// <summary>The third-party plugin folders below the root, in precedence order.</summary>
    public static readonly string[] SystemFolders = ["etc/platform/plugins", "usr/lib/platform/plugins"];

    /// <summary>The root folder (<c>/</c> or <c>--root</c>).</summary>
    public string Root { get; init; } = "/";

    /// <summary>The plugin assemblies linked into this executable, in precedence order.</summary>
    public IReadOnlyList<BuiltInPlugin> BuiltIn { get; init; } = BuiltInPlugins.All;

    /// <summary>
    /// What loads third-party folders: set by the managed plugin host, null in the native executable (which hands the
    /// call to that host instead when it finds a usable third-party plugin).
    /// </summary>
    public IPluginAssemblyLoader? Loader { get; init; } = DefaultLoader;

    /// <summary>The loader new options get; the managed plugin host sets it once at start-up.</summary>
    public static IPluginAssemblyLoader? DefaultLoader { get; set; }

    /// <summary>The value of <c>$PLATFORM_PLUGIN_PATH</c> (colon-separated), or null.</summary>
    public string? EnvironmentPath { get; init; } = Environment.GetEnvironmentVariable(EnvironmentVariable);

    /// <summary>Extra folders from the configuration (<c>PluginPath=</c>), relative to <see cref="Root"/>.</summary>
    public IReadOnlyList<string> ConfiguredPaths { get; init; } = [];

    /// <summary>The usual options for a root and its configuration.</summary>
    public static PluginSearchOptions For(string root, HostConfiguration configuration)
        => new() { Root = root, ConfiguredPaths = configuration.PluginPath };
}
