using Platform.Host.Plugins;
using Platform.PluginHost;
using Platform.TestSupport;

namespace Platform.Host.Tests.Plugins;

/// <summary>
/// A temporary root and the warnings a catalog reported. Its catalogs see only the tree's own plugin folders (no linked
/// built-ins) and load them with the managed plugin host's loader.
/// </summary>
internal sealed class PluginTestTree : IDisposable
{
    private readonly TempRoot _root = new("platform-plugins-");

    public string Root => _root.Path;

    public List<string> Warnings { get; } = [];

    /// <summary>An absolute path inside the tree, e.g. <c>/etc/platform/plugins/x</c>.</summary>
    public string Full(string rootRelative) => _root.Combine(rootRelative);

    /// <summary>Copies a fixture plugin into a folder of the tree; returns the folder.</summary>
    public string AddFixture(string project, string rootRelativeFolder) =>
        FixturePlugins.CopyTo(project, _root.Combine(rootRelativeFolder));

    /// <summary>Writes a file into the tree (creating folders); returns its absolute path.</summary>
    public string Write(string rootRelative, string content) => _root.Write(rootRelative, content);

    public PluginSearchOptions Options(string? environmentPath = null, IReadOnlyList<string>? configuredPaths = null) =>
        new()
    {
        Root = Root,
        BuiltIn = [],
        Loader = new McMasterPluginLoader(),
        EnvironmentPath = environmentPath,
        ConfiguredPaths = configuredPaths ?? [],
    };

    public PluginCatalog Discover(string? environmentPath = null, IReadOnlyList<string>? configuredPaths = null)
        => PluginCatalog.Discover(Options(environmentPath, configuredPaths), Warnings.Add);

    public void Dispose() => _root.Dispose();
}
