namespace Platform.Abstractions;

/// <summary>The plugin families, as named in plugin manifests and <c>list-plugins</c>.</summary>
public static class PluginKind
{
    /// <summary>Service types (<see cref="IServiceType"/>).</summary>
    public const string ServiceType = "service-type";
    /// <summary>Status stores (<see cref="IStatusStore"/>).</summary>
    public const string StatusStore = "status-store";
    /// <summary>Notify transports (<see cref="INotifyTransport"/>).</summary>
    public const string NotifyTransport = "notify-transport";
    /// <summary>Log sinks (<see cref="ILogSink"/>).</summary>
    public const string LogSink = "log-sink";
    /// <summary>
    /// Log readers (<see cref="ILogReaderSource"/>): what journalctl and <c>systemctl status</c> read a log sink's
    /// records with.
    /// </summary>
    public const string LogReader = "log-reader";
}
