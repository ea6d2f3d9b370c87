using System.Composition;
using System.Composition.Hosting;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Platform.Abstractions;

namespace Platform.Host.Plugins;

/// <summary>
/// One plugin: a built-in one linked into this executable, or a discovered third-party folder. Holds its manifest,
/// and once asked for, its assemblies and MEF container.
/// </summary>
internal sealed class PluginFolder
{
    private readonly Action<string> _warn;
    private readonly IPluginAssemblyLoader? _loader;
    private CompositionHost? _container;
    private readonly Func<Assembly>? _linked;
    private IReadOnlyList<Assembly>? _assemblies;

    /// <summary>A third-party folder, loaded through <paramref name="loader"/> (null where none can be).</summary>
    public PluginFolder(string path, PluginManifest? manifest, IPluginAssemblyLoader? loader, Action<string> warn)
    {
        Path = path;
        Manifest = manifest;
        _loader = loader;
        _warn = warn;
    }

    /// <summary>
    /// A plugin linked into this executable: always usable, its assembly reached on first use (a managed host loads it
    /// then).
    /// </summary>
    public PluginFolder(Func<Assembly> linked, PluginManifest manifest, Action<string> warn)
    {
        Path = BuiltInPlugins.Folder;
        IsBuiltIn = true;
        Manifest = manifest;
        _warn = warn;
        _linked = linked;
        State = PluginState.Loaded;
    }

    private IReadOnlyList<Assembly> Assemblies => _assemblies ??= [_linked!()];

    public string Path { get; }
    public bool IsBuiltIn { get; }
    public PluginManifest? Manifest { get; }
    public PluginState State { get; private set; }
    public string? SkipReason { get; private set; }

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
    /// the folder is (or just became) skipped. Each assembly's metadata is read first: a reference to newer contracts
    /// is refused there in plain words instead of failing later inside MEF.
    /// </summary>
    public bool EnsureLoaded()
    {
        if (State != PluginState.NotLoaded) return State == PluginState.Loaded;
        var manifest = Manifest!;
        if (_loader is null)
        {
            Skip("third-party plugins need the managed plugin host (" + PluginHandOff.HostRelativePath
                + " beside systemctl), which is not installed");
            return false;
        }
        if (PluginSafety.ProblemInTree(Path) is { } unsafeFile) { Skip(unsafeFile); return false; }
        // Missing files and newer contracts are refused here in plain words; the binder would only meet a newer
        // contracts reference later, inside MEF, with a vaguer message.
        foreach (var file in manifest.Assemblies)
            if (PluginAssemblyCheck.Problem(System.IO.Path.Join(Path, file), PluginContracts.HostVersion)
                is { } problem)
            {
                Skip(problem);
                return false;
            }
        try { _assemblies = _loader.Load(Path, manifest.Assemblies); }
        catch (Exception e) { Skip($"{manifest.Assemblies[0]} could not be loaded: {Reason(e)}"); return false; }
        State = PluginState.Loaded;
        return true;
    }

    /// <summary>
    /// The folder's MEF container, composed on first use; null (after skipping the folder) when composition fails.
    /// </summary>
    private CompositionHost? Compose()
    {
        if (_container is not null || !EnsureLoaded()) return _container;
        try { _container = new ContainerConfiguration().WithAssemblies(Assemblies).CreateContainer(); }
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
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "built-in plugin assemblies are rooted")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "built-in plugin assemblies are rooted")]
    private T? Activate<T>(PluginExportName export) where T : class
    {
        if (Manifest?.ExportTypes is not { } types || !types.TryGetValue(export, out var typeName)) return null;
        foreach (var assembly in Assemblies)
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

    private static string Why(Exception e, string what) => $"{what}: {Reason(e)}";

    private static string Reason(Exception e)
    {
        if (e is ReflectionTypeLoadException { LoaderExceptions: var loader })
            foreach (var inner in loader)
                if (inner is not null) return ErrorText.Describe(inner);
        return ErrorText.Describe(e.GetBaseException());
    }
}
