using System.Composition;
using System.Composition.Hosting;
using Platform.Abstractions;

namespace Platform.Host.Plugins;

/// <summary>Maps the manifest kinds to the contract interfaces their exports implement.</summary>
internal static class PluginContracts
{
    /// <summary>The kinds, in the order list-plugins shows them.</summary>
    public static readonly string[] Kinds =
        [PluginKind.ServiceType, PluginKind.StatusStore, PluginKind.NotifyTransport, PluginKind.LogSink,
            PluginKind.LogReader];

    /// <summary>The version of Platform.Abstractions this host carries.</summary>
    public static Version HostVersion { get; } = typeof(IStatusStore).Assembly.GetName().Version ?? new Version(1, 0);

    /// <summary>
    /// Whether a plugin built against <paramref name="contracts"/> may load here. Minors only add members, so a newer
    /// minor of our major may use members this host lacks (a MissingMethodException mid-call); a newer major breaks.
    /// </summary>
    public static bool Accepts(Version contracts) => Accepts(contracts, HostVersion);

    /// <inheritdoc cref="Accepts(Version)"/>
    public static bool Accepts(Version contracts, Version host)
        => contracts.Major < host.Major || (contracts.Major == host.Major && contracts.Minor <= host.Minor);

    /// <summary>The contract type of a kind, or null for an unknown kind.</summary>
    public static Type? For(string kind) => kind switch
    {
        PluginKind.ServiceType => typeof(IServiceType),
        PluginKind.StatusStore => typeof(IStatusStore),
        PluginKind.NotifyTransport => typeof(INotifyTransport),
        PluginKind.LogSink => typeof(ILogSink),
        PluginKind.LogReader => typeof(ILogReaderSource),
        _ => null,
    };

    /// <summary>The names a container exports for a kind, read from metadata without creating any part.</summary>
    public static IEnumerable<string> ExportedNames(CompositionHost container, string kind) => kind switch
    {
        PluginKind.ServiceType => Names<IServiceType>(container),
        PluginKind.StatusStore => Names<IStatusStore>(container),
        PluginKind.NotifyTransport => Names<INotifyTransport>(container),
        PluginKind.LogSink => Names<ILogSink>(container),
        PluginKind.LogReader => Names<ILogReaderSource>(container),
        _ => [],
    };

    /// <summary>
    /// The full name of the type MEF creates for <paramref name="export"/>, or null when nothing is exported under it.
    /// </summary>
    public static string? ExportedTypeName(CompositionHost container, PluginExportName export) => export.Kind switch
    {
        PluginKind.ServiceType => TypeName<IServiceType>(container, export.Name),
        PluginKind.StatusStore => TypeName<IStatusStore>(container, export.Name),
        PluginKind.NotifyTransport => TypeName<INotifyTransport>(container, export.Name),
        PluginKind.LogSink => TypeName<ILogSink>(container, export.Name),
        PluginKind.LogReader => TypeName<ILogReaderSource>(container, export.Name),
        _ => null,
    };

    private static string? TypeName<T>(CompositionHost container, string name) where T : class
    {
        foreach (var factory in container.GetExports<ExportFactory<T, PluginExportMetadata>>())
            if (factory.Metadata.Name == name)
            {
                using var created = factory.CreateExport();
                var type = created.Value.GetType().FullName;
                return type;
            }
        return null;
    }

    private static IEnumerable<string> Names<T>(CompositionHost container)
    {
        foreach (var factory in container.GetExports<ExportFactory<T, PluginExportMetadata>>())
            yield return factory.Metadata.Name;
    }
}
