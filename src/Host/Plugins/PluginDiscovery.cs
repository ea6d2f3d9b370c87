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
        AddChildren(found, seen, Path.Join(options.InstallDirectory, "plugins"), builtIn: true, warn);
        foreach (var folder in PluginSearchOptions.SystemFolders)
            AddChildren(found, seen, Path.Join(options.Root, folder), builtIn: false, warn);
        if (!string.IsNullOrEmpty(options.EnvironmentPath))
            foreach (var entry in options.EnvironmentPath.Split(':', StringSplitOptions.RemoveEmptyEntries))
                AddEntry(found, seen, entry, warn);
        foreach (var entry in options.ConfiguredPaths)
            AddEntry(found, seen, Path.Join(options.Root, entry), warn);
        return found;
    }

    private static void AddEntry(List<PluginFolder> found, HashSet<string> seen, string path, Action<string> warn)
    {
        // A plugin folder named directly: its parents decide too whether someone else could swap it.
        if (File.Exists(Path.Join(path, PluginManifest.FileName)))
            Add(found, seen, path, builtIn: false, TrustedPath.Problem(path, parentsOnly: true), warn);
        else AddChildren(found, seen, path, builtIn: false, warn);
    }

    private static void AddChildren(List<PluginFolder> found, HashSet<string> seen, string container, bool builtIn,
        Action<string> warn)
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
        var containerProblem = builtIn ? null : TrustedPath.Problem(container);
        foreach (var child in children) Add(found, seen, child, builtIn, containerProblem, warn);
    }

    private static void Add(List<PluginFolder> found, HashSet<string> seen, string path, bool builtIn,
        string? inheritedProblem, Action<string> warn)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (!seen.Add(full)) return;
        var manifestPath = Path.Join(full, PluginManifest.FileName);
        var problem = inheritedProblem;
        if (problem is null && !builtIn)
            problem = PluginSafety.Problem(full) ?? (File.Exists(manifestPath)
            ? PluginSafety.Problem(manifestPath) : null);
        PluginManifest? manifest = null;
        problem ??= ReadManifest(manifestPath, out manifest);
        if (manifest is not null && !PluginContracts.Accepts(manifest.Contracts))
            problem = $"built for contracts {manifest.Contracts}, this systemctl has "
                + $"{PluginContracts.HostVersion.ToString(3)}";
        var folder = new PluginFolder(full, builtIn, manifest, warn);
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
