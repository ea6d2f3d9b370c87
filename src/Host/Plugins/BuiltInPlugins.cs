using System.Reflection;

namespace Platform.Host.Plugins;

/// <summary>
/// The plugins linked into this executable, one assembly each, in precedence order. Each carries its
/// <c>plugin.json</c> as an embedded resource, so discovery reads the same manifest a plugin folder holds.
/// </summary>
internal static class BuiltInPlugins
{
    /// <summary>
    /// The linked plugin assemblies; the project file roots them so trimming keeps their MEF parts whole.
    /// </summary>
    public static IReadOnlyList<Assembly> Assemblies { get; } =
    [
        typeof(ServiceTypes.SimpleServiceType).Assembly,
        typeof(StatusStores.Json.JsonStatusStore).Assembly,
        typeof(StatusStores.Sqlite.SqliteStatusStore).Assembly,
        typeof(Notifiers.UnixNotifyTransport).Assembly,
        typeof(LogSinks.FileJournal.FileLogSink).Assembly,
    ];

    /// <summary>The name list-plugins shows in the FOLDER column for a linked plugin.</summary>
    public const string Folder = "(built-in)";
}
