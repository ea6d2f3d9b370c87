namespace Platform.Host.Plugins;

/// <summary>
/// The plugins linked into this executable, in precedence order. The host embeds each one's <c>plugin.json</c>, so
/// discovery reads the same manifest a plugin folder holds without touching the plugin's assembly.
/// </summary>
internal static class BuiltInPlugins
{
    /// <summary>
    /// The linked plugins; the project file roots their assemblies so trimming keeps their MEF parts whole.
    /// </summary>
    public static IReadOnlyList<BuiltInPlugin> All { get; } =
    [
        new("Platform.ServiceTypes", () => typeof(ServiceTypes.SimpleServiceType).Assembly),
        new("Platform.StatusStores.Json", () => typeof(StatusStores.Json.JsonStatusStore).Assembly),
        new("Platform.StatusStores.Sqlite", () => typeof(StatusStores.Sqlite.SqliteStatusStore).Assembly),
        new("Platform.Notifiers", () => typeof(Notifiers.UnixNotifyTransport).Assembly),
        new("Platform.LogSinks", () => typeof(LogSinks.FileJournal.FileLogSink).Assembly),
    ];

    /// <summary>The name list-plugins shows in the FOLDER column for a linked plugin.</summary>
    public const string Folder = "(built-in)";
}
