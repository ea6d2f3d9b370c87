using System.Reflection;
using System.Runtime.Loader;
using Platform.Abstractions;

namespace Platform.StatusStores.Tests;

/// <summary>
/// Loads a plugin from its own folder the way the host does: managed and native dependencies resolved from the
/// plugin's deps.json with AssemblyDependencyResolver, the contracts shared from the default context.
/// </summary>
internal sealed class PluginFolderLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;

    public PluginFolderLoadContext(string pluginDll) : base("plugin:" + Path.GetFileName(pluginDll))
    {
        _resolver = new AssemblyDependencyResolver(pluginDll);
    }

    /// <summary>
    /// Loads the plugin and creates the status store its assembly exports under <paramref name="name"/>.
    /// </summary>
    public static IStatusStore CreateStore(string pluginDll, string name)
    {
        if (!File.Exists(pluginDll)) throw new FileNotFoundException("plugin not built", pluginDll);
        var assembly = new PluginFolderLoadContext(pluginDll).LoadFromAssemblyPath(Path.GetFullPath(pluginDll));
        foreach (var type in assembly.GetExportedTypes())
            if (type.GetCustomAttribute<ExportStatusStoreAttribute>()?.Name == name)
                return (IStatusStore)Activator.CreateInstance(type)!;
        throw new InvalidOperationException($"{pluginDll} exports no status store named {name}");
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // The contracts must be the host's copy, or the store would not be an IStatusStore here.
        if (assemblyName.Name is "Platform.Abstractions") return null;
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
