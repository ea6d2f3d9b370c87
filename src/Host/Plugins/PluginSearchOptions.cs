using Platform.Host.Configuration;

namespace Platform.Host.Plugins;

/// <summary>
/// Where plugins are looked for, in precedence order (the first folder offering a kind/name wins):
/// built-ins in <c>INSTALL/plugins/*/</c>; <c>ROOT/etc/platform/plugins/*/</c>;
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

    /// <summary>The folder of the running systemctl; built-in plugins are its <c>plugins/*/</c> subfolders.</summary>
    public string InstallDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>The value of <c>$PLATFORM_PLUGIN_PATH</c> (colon-separated), or null.</summary>
    public string? EnvironmentPath { get; init; } = Environment.GetEnvironmentVariable(EnvironmentVariable);

    /// <summary>Extra folders from the configuration (<c>PluginPath=</c>), relative to <see cref="Root"/>.</summary>
    public IReadOnlyList<string> ConfiguredPaths { get; init; } = [];

    /// <summary>The usual options for a root and its configuration.</summary>
    public static PluginSearchOptions For(string root, HostConfiguration configuration)
        => new() { Root = root, ConfiguredPaths = configuration.PluginPath };
}
