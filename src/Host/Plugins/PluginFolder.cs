using System.Composition;
using System.Composition.Hosting;
using System.Reflection;
using Platform.Abstractions;

namespace Platform.Host.Plugins;

/// <summary>
/// One discovered plugin folder: its manifest, and once asked for, its load context and MEF container.
/// </summary>
internal sealed class PluginFolder
{
    private readonly Action<string> _warn;
    private CompositionHost? _container;
    private List<Assembly>? _assemblies;

    public PluginFolder(string path, bool builtIn, PluginManifest? manifest, Action<string> warn)
    {
        Path = path;
        IsBuiltIn = builtIn;
        Manifest = manifest;
        _warn = warn;
    }

    public string Path { get; }
    public bool IsBuiltIn { get; }
    public PluginManifest? Manifest { get; }
    public PluginState State { get; private set; }
    public string? SkipReason { get; private set; }
    public PluginLoadContext? Context { get; private set; }

    public bool Declares(PluginExportName export)
    {
        if (Manifest?.Exports is not { } exports) return false;
        foreach (var declared in exports)
            if (declared == export) return true;
        return false;
    }

    /// <summary>Marks the folder unusable and reports it: the one warning this folder ever produces.</summary>
    public void Skip(string reason)
    {
        if (State == PluginState.Skipped) return;
        State = PluginState.Skipped;
        SkipReason = reason;
        _container = null;
        _warn($"systemctl: plugin {Path} skipped: {reason}");
    }

    /// <summary>
    /// Loads the folder's assemblies once (composition waits until an export is looked up through MEF); false when
    /// the folder is (or just became) skipped.
    /// <paramref name="inspect"/> first reads each assembly's metadata (list-plugins): it catches contract references
    /// the binder would only meet later, but costs more than the load itself, so commands rely on the binder's check
    /// alone.
    /// </summary>
    public bool EnsureLoaded(bool inspect = false)
    {
        if (State != PluginState.NotLoaded) return State == PluginState.Loaded;
        var manifest = Manifest!;
        if (!IsBuiltIn && PluginSafety.ProblemInTree(Path) is { } unsafeFile) { Skip(unsafeFile); return false; }
        foreach (var file in manifest.Assemblies)
        {
            var full = System.IO.Path.Join(Path, file);
            if (!File.Exists(full)) { Skip($"{file} not found"); return false; }
            if (inspect && PluginAssemblyCheck.Problem(full, PluginContracts.HostVersion) is { } problem)
            {
                Skip(problem);
                return false;
            }
        }
        Context = new PluginLoadContext(Path, System.IO.Path.Join(Path, manifest.Assemblies[0]));
        var assemblies = new List<Assembly>(manifest.Assemblies.Count);
        foreach (var file in manifest.Assemblies)
        {
            try { assemblies.Add(Context.LoadFromAssemblyPath(System.IO.Path.Join(Path, file))); }
            catch (BadImageFormatException) { Skip($"{file} is not a .NET assembly"); return false; }
            catch (Exception e) { Skip($"{file} could not be loaded: {Reason(e)}"); return false; }
        }
        _assemblies = assemblies;
        State = PluginState.Loaded;
        return true;
    }

    /// <summary>
    /// The folder's MEF container, composed on first use; null (after skipping the folder) when composition fails.
    /// </summary>
    private CompositionHost? Compose()
    {
        if (_container is not null || !EnsureLoaded()) return _container;
        try { _container = new ContainerConfiguration().WithAssemblies(_assemblies!).CreateContainer(); }
        catch (Exception e) { Skip(Why(e, "composition failed")); }
        return _container;
    }

    /// <summary>
    /// Creates one instance of the named export, or null (after skipping the folder) when that fails.
    /// </summary>
    public T? Create<T>(PluginExportName export) where T : class
    {
        if (!EnsureLoaded()) return null;
        if (IsBuiltIn && Activate<T>(export) is { } direct) return direct;
        if (Compose() is not { } container) return null;
        ExportFactory<T, PluginExportMetadata>? factory = null;
        try
        {
            foreach (var candidate in container.GetExports<ExportFactory<T, PluginExportMetadata>>())
                if (candidate.Metadata.Name == export.Name) { factory = candidate; break; }
        }
        catch (Exception e) { Skip(Why(e, "composition failed")); return null; }
        if (factory is null)
        {
            if (Declares(export)) Skip($"plugin.json lists {export} but no such export exists");
            return null;
        }
        // The Export<T> wrapper is dropped on purpose: the caller owns (and disposes) the instance.
        try { return factory.CreateExport().Value; }
        catch (Exception e) { Skip(Why(e, $"{export} could not be created")); return null; }
    }

    /// <summary>
    /// The built-in plugins' fast path: composing a MEF container costs more than the rest of a short command, so
    /// the export's type named in the install folder's own manifest is created directly. list-plugins composes the
    /// folder with MEF and checks each named type against the real export (<see cref="CheckDeclaredTypes"/>).
    /// </summary>
    private T? Activate<T>(PluginExportName export) where T : class
    {
        if (Manifest?.ExportTypes is not { } types || !types.TryGetValue(export, out var typeName)) return null;
        foreach (var assembly in _assemblies!)
            if (assembly.GetType(typeName, throwOnError: false) is { } type)
            {
                try { return Activator.CreateInstance(type) as T; }
                catch (Exception e) { Skip(Why(e, $"{export} could not be created")); return null; }
            }
        return null;
    }

    /// <summary>
    /// Checks that every type the manifest names is the one MEF exports under that name; skips the folder when not.
    /// </summary>
    public void CheckDeclaredTypes()
    {
        if (Manifest?.ExportTypes is not { } types || Compose() is not { } container) return;
        foreach (var (export, typeName) in types)
        {
            var actual = PluginContracts.ExportedTypeName(container, export);
            if (actual != typeName)
            {
                Skip($"plugin.json names {typeName} for {export}, MEF exports {actual ?? "nothing"}");
                return;
            }
        }
    }

    /// <summary>Every export the composed assemblies really offer (empty unless loaded).</summary>
    public List<PluginExportName> ActualExports()
    {
        var list = new List<PluginExportName>();
        if (State != PluginState.Loaded || Compose() is not { } container) return list;
        try
        {
            foreach (var kind in PluginContracts.Kinds)
                foreach (var name in PluginContracts.ExportedNames(container, kind))
                    list.Add(new PluginExportName(kind, name));
        }
        catch (Exception e) { Skip(Why(e, "composition failed")); list.Clear(); }
        return list;
    }

    // A type that needs newer contracts fails to load wherever MEF first touches it; the binder already told us why.
    private string Why(Exception e, string what)
        => Context?.ContractMismatch is { } mismatch ? $"{Manifest!.Assemblies[0]} was {mismatch}"
            : $"{what}: {Reason(e)}";

    private static string Reason(Exception e)
    {
        if (e is ReflectionTypeLoadException { LoaderExceptions: var loader })
            foreach (var inner in loader)
                if (inner is not null) return ErrorText.Describe(inner);
        return ErrorText.Describe(e.GetBaseException());
    }
}
