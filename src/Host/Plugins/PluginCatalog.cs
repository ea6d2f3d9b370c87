namespace Platform.Host.Plugins;

/// <summary>
/// The plugins of this process. <see cref="Discover"/> only reads manifests; an assembly is loaded (into its
/// folder's own load context) and composed with MEF the first time one of its exports is asked for. A broken
/// plugin is reported once through the warn callback (<c>systemctl: plugin FOLDER skipped: REASON</c>) and ignored.
/// </summary>
public sealed class PluginCatalog
{
    private readonly List<PluginFolder> _folders;
    private readonly Lock _gate = new();

    private PluginCatalog(List<PluginFolder> folders) => _folders = folders;

    /// <summary>
    /// Finds the plugin folders and reads their manifests; problems found so far go to <paramref name="warn"/>.
    /// </summary>
    public static PluginCatalog Discover(PluginSearchOptions options, Action<string> warn)
        => new(PluginDiscovery.Find(options, warn));

    /// <summary>
    /// Creates one instance of export <paramref name="name"/> of <paramref name="kind"/> (a <c>PluginKind</c> value;
    /// <typeparamref name="T"/> its contract), from the first folder whose manifest declares it, else from folders
    /// without declared exports. Null when none can.
    /// </summary>
    public T? Get<T>(string kind, string name) where T : class
    {
        CheckContract<T>(kind);
        var export = new PluginExportName(kind, name);
        lock (_gate)
        {
            foreach (var folder in _folders)
                if (folder.State != PluginState.Skipped && folder.Declares(export)
                    && folder.Create<T>(export) is { } declared)
                    return declared;
            foreach (var folder in _folders)
                if (folder.State != PluginState.Skipped && folder.Manifest?.Exports is null
                    && folder.Create<T>(export) is { } found)
                    return found;
        }
        return null;
    }

    /// <summary>
    /// One instance of every export of <paramref name="kind"/>, by name, first provider winning; loads every folder
    /// that may offer one.
    /// </summary>
    public IReadOnlyList<(string Name, T Instance)> GetAll<T>(string kind) where T : class
    {
        CheckContract<T>(kind);
        var names = new List<string>();
        lock (_gate)
        {
            foreach (var folder in _folders)
                if (folder.State != PluginState.Skipped && folder.Manifest?.Exports is { } exports)
                    foreach (var export in exports)
                        if (export.Kind == kind && !names.Contains(export.Name)) names.Add(export.Name);
            foreach (var folder in _folders)
                if (folder.State != PluginState.Skipped && folder.Manifest?.Exports is null && folder.EnsureLoaded())
                    foreach (var export in folder.ActualExports())
                        if (export.Kind == kind && !names.Contains(export.Name)) names.Add(export.Name);
        }
        var result = new List<(string, T)>(names.Count);
        foreach (var name in names)
            if (Get<T>(kind, name) is { } instance) result.Add((name, instance));
        return result;
    }

    /// <summary>
    /// Loads every plugin and checks that each declared export exists (for list-plugins); problems go to the warn
    /// callback.
    /// </summary>
    public void LoadAll()
    {
        lock (_gate)
        {
            foreach (var folder in _folders)
            {
                if (!folder.EnsureLoaded() || folder.Manifest?.Exports is not { } declared) continue;
                folder.CheckDeclaredTypes();
                var actual = folder.ActualExports();
                foreach (var export in declared)
                    if (!actual.Contains(export))
                    {
                        folder.Skip($"plugin.json lists {export} but no such export exists");
                        break;
                    }
            }
        }
    }

    /// <summary>
    /// One row per export (declared, or found once loaded) of every folder, in precedence order, with its state.
    /// </summary>
    public IReadOnlyList<PluginInfo> Describe()
    {
        var rows = new List<PluginInfo>();
        var winners = new Dictionary<PluginExportName, string>();
        lock (_gate)
        {
            foreach (var folder in _folders)
            {
                var manifest = folder.Manifest;
                var assembly = manifest?.Assemblies[0] ?? "-";
                var version = manifest is { Version.Length: > 0 } ? manifest.Version : "-";
                var exports = new List<PluginExportName>(manifest?.Exports ?? []);
                foreach (var actual in folder.ActualExports())
                    if (!exports.Contains(actual)) exports.Add(actual);
                var state = folder.State switch
                {
                    PluginState.Loaded => "loaded",
                    PluginState.NotLoaded => "not loaded",
                    _ => "skipped: " + folder.SkipReason,
                };
                if (exports.Count == 0)
                    rows.Add(new PluginInfo("-", manifest?.Name ?? Path.GetFileName(folder.Path), assembly, version,
                        state, folder.Path));
                foreach (var export in exports)
                {
                    var exportState = state;
                    if (folder.State != PluginState.Skipped && !winners.TryAdd(export, folder.Path))
                        exportState = "shadowed by " + winners[export];
                    rows.Add(new PluginInfo(export.Kind, export.Name, assembly, version, exportState, folder.Path));
                }
            }
        }
        return rows;
    }

    private static void CheckContract<T>(string kind)
    {
        if (PluginContracts.For(kind) is { } contract && contract != typeof(T))
            throw new ArgumentException($"exports of kind {kind} implement {contract.Name}, not {typeof(T).Name}",
                nameof(kind));
    }
}
