using System.Composition;
using System.Reflection;
using McMaster.NETCore.Plugins;
using Platform.Abstractions;
using Platform.Host.Plugins;

namespace Platform.PluginHost;

/// <summary>
/// Loads each third-party plugin folder into a load context of its own with McMaster.NETCore.Plugins: the folder's
/// deps.json resolves its dependencies (so two plugins may carry different versions of one library), while the
/// contracts, MEF and everything this host ships come from the host, so plugin and host agree on their types.
/// </summary>
public sealed class McMasterPluginLoader : IPluginAssemblyLoader
{
    // One type from each assembly that must be the host's own: the contracts and MEF's attributed model.
    private static readonly Type[] SharedTypes = [typeof(IStatusStore), typeof(ExportAttribute)];

    /// <inheritdoc />
    public IReadOnlyList<Assembly> Load(string folder, IReadOnlyList<string> files)
    {
        var loader = PluginLoader.CreateFromAssemblyFile(Path.Join(folder, files[0]), SharedTypes,
            config => config.PreferSharedTypes = true);
        var assemblies = new List<Assembly>(files.Count) { loader.LoadDefaultAssembly() };
        for (var i = 1; i < files.Count; i++) assemblies.Add(loader.LoadAssemblyFromPath(Path.Join(folder, files[i])));
        return assemblies;
    }
}
