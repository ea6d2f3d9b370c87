using Platform.Abstractions;
using Platform.Host.Cli;

namespace Platform.Host.Lifecycle;

/// <summary>
/// Keeps one root on one status store. Records live in the store that wrote them, so a call configured with another
/// store (<c>-c StatusStore=sqlite</c> on a root run with <c>json</c>) would see every running unit as inactive and
/// start a second copy. The folder remembers its store in <c>store</c>; switching is refused while the old store still
/// lists a unit that is not inactive, and allowed (the old records then stop counting) once everything is stopped.
/// </summary>
internal static class StoreSwitch
{
    private const string MarkerName = "store";

    /// <summary>
    /// Throws InvalidOperationException when <paramref name="name"/> would replace a store that has running units.
    /// </summary>
    public static void Check(HostContext ctx, string directory, string name)
    {
        var marker = Path.Join(directory, MarkerName);
        var previous = ReadMarker(marker) ?? Infer(directory, name);
        if (previous is not null && !string.Equals(previous, name, StringComparison.OrdinalIgnoreCase))
        {
            var busy = Running(ctx, directory, previous);
            if (busy.Count > 0)
                throw new InvalidOperationException(
                    $"Status store '{previous}' still has units that are not inactive "
                        + $"({string.Join(", ", busy.Take(5))}); stop them before switching StatusStore= to '{name}'.");
        }
        if (previous is null || !string.Equals(previous, name, StringComparison.OrdinalIgnoreCase))
            WriteMarker(marker, name);
    }

    private static List<string> Running(HostContext ctx, string directory, string previous)
    {
        using var store = ctx.Plugins.Get<IStatusStore>(PluginKind.StatusStore, previous);
        // A store that is no longer installed cannot be asked; its records are then unreadable for every call alike.
        if (store is null) return [];
        store.Open(new StatusStoreContext(directory, BootIdentity.Current(),
            ctx.Config.GetSection("StatusStore", previous)));
        return [.. store.List().Where(r => r.ActiveState is not (ActiveState.Inactive or ActiveState.Failed))
            .Select(r => r.Unit)];
    }

    // Folders from before the marker existed: the built-in stores' files tell which one wrote them.
    private static string? Infer(string directory, string name)
    {
        try
        {
            if (!name.Equals("json", StringComparison.OrdinalIgnoreCase)
                && Directory.EnumerateFiles(directory, "*.status").Any()) return "json";
            if (!name.Equals("sqlite", StringComparison.OrdinalIgnoreCase)
                && File.Exists(Path.Join(directory, "status.db"))) return "sqlite";
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }

    private static string? ReadMarker(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.LinkTarget is not null || info.Length > 256) return null;
            var text = File.ReadAllText(path).Trim();
            return text.Length > 0 ? text : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static void WriteMarker(string path, string name)
    {
        // Readers without write access (a non-root status) just do not record it.
        try
        {
            var temporary = $"{path}.tmp.{Environment.ProcessId}";
            File.WriteAllText(temporary, name + "\n");
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
