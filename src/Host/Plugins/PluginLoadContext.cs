using System.Reflection;
using System.Runtime.Loader;

namespace Platform.Host.Plugins;

/// <summary>
/// One plugin folder's assemblies, isolated from other plugins (each may carry its own version of a library).
/// Dependencies and native libraries resolve through the entry assembly's deps.json. The contracts, MEF and
/// everything the host itself ships (its trusted platform assemblies) come from the default context, so types match.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private static HashSet<string>? s_hostAssemblies;
    private readonly AssemblyDependencyResolver? _resolver;
    private readonly string _folder;

    public PluginLoadContext(string folder, string entryAssemblyPath) : base("plugin:" + folder, isCollectible: false)
    {
        _folder = folder;
        try { _resolver = new AssemblyDependencyResolver(entryAssemblyPath); }
        catch (InvalidOperationException) { } // no usable deps.json: fall back to the folder itself
    }

    /// <summary>Whether an assembly must come from the host so plugin and host agree on its types.</summary>
    public static bool IsShared(string name)
        => name == "Platform.Abstractions"
        || name.StartsWith("System.Composition", StringComparison.Ordinal)
        || HostAssemblies().Contains(name);

    /// <summary>
    /// Set when a plugin assembly asked for contracts newer than the host's: the reason composition then fails.
    /// </summary>
    public string? ContractMismatch { get; private set; }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name;
        // The binder asks here with the exact version a plugin references, which costs nothing to check.
        if (name == "Platform.Abstractions" && assemblyName.Version is { } wanted
            && !PluginContracts.Accepts(wanted))
            ContractMismatch ??= $"built against Platform.Abstractions {wanted}, this systemctl has "
                + $"{PluginContracts.HostVersion}";
        if (name is null || IsShared(name)) return null;
        var path = _resolver?.ResolveAssemblyToPath(assemblyName);
        if (path is null)
        {
            var local = Path.Join(_folder, name + ".dll");
            if (File.Exists(local)) path = local;
        }
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver?.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    // The framework and the host's own dependencies: parsed once, only when a plugin first needs a dependency.
    private static HashSet<string> HostAssemblies()
    {
        if (s_hostAssemblies is { } known) return known;
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
            foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                set.Add(Path.GetFileNameWithoutExtension(path));
        return s_hostAssemblies = set;
    }
}
