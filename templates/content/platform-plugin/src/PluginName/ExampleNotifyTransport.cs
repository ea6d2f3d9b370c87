using Platform.Abstractions;

namespace PluginName;

/// <summary>
/// <c>X-NotifyTransport=plugin-export-name</c> in a unit's <c>[Service]</c> section (or
/// <c>NotifyTransport=plugin-export-name</c> in systemctl.conf for every unit): reports the service ready once the file
/// named by <c>X-ReadyFile=</c> exists, for programs that cannot speak sd_notify but can touch a file.
/// </summary>
[ExportNotifyTransport("plugin-export-name")]
public sealed class ExampleNotifyTransport : INotifyTransport
{
    /// <summary>How often the endpoint looks for the file.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <inheritdoc />
    public INotifyEndpoint CreateEndpoint(NotifyEndpointContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = context.Unit.Get("Service", "X-ReadyFile");
        if (file is null || !Path.IsPathFullyQualified(file))
            throw new ServiceStartException(
                $"{context.Unit.Name}: notify transport plugin-export-name needs X-ReadyFile= with an absolute path.");
        return new ExampleNotifyEndpoint(() => File.Exists(file), PollInterval, $"{file} exists");
    }
}
