using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Exec;

namespace Platform.Host.Lifecycle;

/// <summary>Creates a unit's notify endpoint through the transport it names (<c>X-NotifyTransport=</c>) or the configured one.</summary>
internal static class NotifyEndpoints
{
    public static INotifyEndpoint Create(HostContext ctx, UnitDefinition unit)
    {
        var name = unit.Get("Service", "X-NotifyTransport") ?? ctx.Config.NotifyTransport;
        var transport = ctx.Plugins.Get<INotifyTransport>(PluginKind.NotifyTransport, name)
            ?? throw new ServiceStartException($"Notify transport '{name}' is not available (see 'systemctl list-plugins').");
        int? uid = null, gid = null;
        if (UnitExecSettings.HasCredentials(unit))
        {
            var credentials = UnitExecSettings.Credentials(unit);
            uid = (int)credentials.Uid;
            gid = (int)credentials.Gid;
        }
        Platform.Host.Plugins.TrustedFolder.Ensure(ctx.ManagerRunDirectory);
        return transport.CreateEndpoint(new NotifyEndpointContext(unit, ctx.ManagerRunDirectory, uid, gid));
    }
}
