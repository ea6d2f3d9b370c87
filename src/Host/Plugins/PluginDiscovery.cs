using Platform.Abstractions;
namespace Platform.Host.Plugins;

/// <summary>Finds plugin folders and reads their manifests; loads no assembly.</summary>
internal static class PluginDiscovery
{
    /// <summary>
    /// The folders of every search location in precedence order, each once; broken ones already skipped (and reported).
    /// </summary>
    public static List<PluginFolder> Find(PluginSearchOptions options, Action<string> warn)
    {
        var found = new List<PluginFolder>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plugin in options.BuiltIn) AddBuiltIn(found, plugin, warn);
        FindThirdParty(options, found, warn);
        return found;
    }

    /// <summary>Every export the linked built-ins declare.</summary>
    public static HashSet<PluginExportName> BuiltInExports(PluginSearchOptions options)
    {
        var found = new List<PluginFolder>();
        foreach (var plugin in options.BuiltIn) AddBuiltIn(found, plugin, static _ => { });
        var exports = new HashSet<PluginExportName>();
        foreach (var folder in found) exports.UnionWith(folder.Manifest!.Exports ?? []);
        return exports;
    }

    /// <summary>
    /// Whether a third-party folder that passes the safety and manifest checks exists: what makes the native
    /// executable hand a call to the managed plugin host. Reports nothing.
    /// </summary>
    public static bool AnyThirdParty(PluginSearchOptions options)
    {
        var found = new List<PluginFolder>();
        FindThirdParty(options with { Loader = null }, found, static _ => { });
        foreach (var folder in found)
            if (folder.State != PluginState.Skipped) return true;
        return false;
    }

    private static void FindThirdParty(PluginSearchOptions options, List<PluginFolder> found, Action<string> warn)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in PluginSearchOptions.SystemFolders)
            AddChildren(found, seen, Path.Join(options.Root, folder), options.Loader, warn);
        if (!string.IsNullOrEmpty(options.EnvironmentPath))
            foreach (var entry in options.EnvironmentPath.Split(':', StringSplitOptions.RemoveEmptyEntries))
                AddEntry(found, seen, entry, options.Loader, warn);
        foreach (var entry in options.ConfiguredPaths)
            AddEntry(found, seen, Path.Join(options.Root, entry), options.Loader, warn);
    }

    private static void AddBuiltIn(List<PluginFolder> found, BuiltInPlugin plugin, Action<string> warn)
    {
        var manifest = PluginManifestReader.Parse(plugin.ReadManifest(), out var error);
        // A build mistake, not a user's: say which plugin lacks a usable manifest and go on without it.
        if (manifest is null)
            warn($"systemctl: built-in plugin {plugin.AssemblyName} has no usable plugin.json: {error}");
        else found.Add(new PluginFolder(plugin.Assembly, manifest, warn));
    }

    private static void AddEntry(List<PluginFolder> found, HashSet<string> seen, string path,
        IPluginAssemblyLoader? loader, Action<string> warn)
    {
        // A plugin folder named directly: its parents decide too whether someone else could swap it.
        if (File.Exists(Path.Join(path, PluginManifest.FileName)))
            Add(found, seen, path, TrustedPath.Problem(path, parentsOnly: true), loader, warn);
        else AddChildren(found, seen, path, loader, warn);
    }

    private static void AddChildren(List<PluginFolder> found, HashSet<string> seen, string container,
        IPluginAssemblyLoader? loader, Action<string> warn)
    {
        // Checked first because a thrown exception costs more at start-up than the whole discovery.
        if (!Directory.Exists(container)) return;
        string[] children;
        try { children = Directory.GetDirectories(container); }
        catch (DirectoryNotFoundException) { return; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn($"systemctl: cannot read plugin folder {container}: {ErrorText.Describe(e)}");
            return;
        }
        if (children.Length == 0) return;
        Array.Sort(children, StringComparer.Ordinal);
        // A folder others may write to, or one below such a parent, could have its plugins swapped: refuse all of them.
        var containerProblem = TrustedPath.Problem(container);
        foreach (var child in children) Add(found, seen, child, containerProblem, loader, warn);
    }

    private static void Add(List<PluginFolder> found, HashSet<string> seen, string path, string? inheritedProblem,
        IPluginAssemblyLoader? loader, Action<string> warn)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (!seen.Add(full)) return;
        var manifestPath = Path.Join(full, PluginManifest.FileName);
        var problem = inheritedProblem;
        if (problem is null)
            problem = PluginSafety.Problem(full) ?? (File.Exists(manifestPath)
            ? PluginSafety.Problem(manifestPath) : null);
        PluginManifest? manifest = null;
        problem ??= ReadManifest(manifestPath, out manifest);
        if (manifest is not null && !PluginContracts.Accepts(manifest.Contracts))
            problem = $"built for contracts {manifest.Contracts}, this systemctl has "
                + $"{PluginContracts.HostVersion.ToString(3)}";
        var folder = new PluginFolder(full, manifest, loader, warn);
        if (problem is not null) folder.Skip(problem);
        found.Add(folder);
    }

    private static string? ReadManifest(string path, out PluginManifest? manifest)
    {
        manifest = null;
        if (!File.Exists(path)) return "no plugin.json";
        byte[] json;
        try { json = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "cannot read plugin.json: " + ErrorText.Describe(e);
        }
        manifest = PluginManifestReader.Parse(json, out var error);
        return error is null ? null : "invalid plugin.json: " + error;
    }
}
