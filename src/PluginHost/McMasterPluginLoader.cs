using System.Composition;
using System.Reflection;
using McMaster.NETCore.Plugins.Loader;
using Platform.Abstractions;
using Platform.Host.Plugins;

namespace Platform.PluginHost;

/// <summary>
/// Loads each third-party plugin folder into a load context of its own with McMaster.NETCore.Plugins: the entry
/// assembly's deps.json resolves its dependencies (so two plugins may carry different versions of one library), while
/// the contracts, MEF and everything this host ships come from the host, so plugin and host agree on their types.
/// </summary>
public sealed class McMasterPluginLoader : IPluginAssemblyLoader
{
    // The assemblies that must be the host's own: the contracts and MEF's attributed model.
    private static readonly AssemblyName[] Shared =
        [typeof(IStatusStore).Assembly.GetName(), typeof(ExportAttribute).Assembly.GetName()];

    /// <inheritdoc />
    public IReadOnlyList<Assembly> Load(string folder, IReadOnlyList<string> files)
    {
        // The builder rather than PluginLoader: PluginLoader also reads the plugin's runtimeconfig(.dev).json for NuGet
        // probing paths, which only a development build uses, and that JSON binding costs more than the whole load.
        var main = Path.Join(folder, files[0]);
        var builder = new AssemblyLoadContextBuilder().SetMainAssemblyPath(main).PreferDefaultLoadContext(true);
        foreach (var name in Shared) builder.PreferDefaultLoadContextAssembly(name);
        var context = builder.Build();
        var assemblies = new List<Assembly>(files.Count);
        foreach (var file in files) assemblies.Add(context.LoadFromAssemblyPath(Path.Join(folder, file)));
        return assemblies;
    }
}
