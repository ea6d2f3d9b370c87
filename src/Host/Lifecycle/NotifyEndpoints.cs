using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;

namespace Platform.Host.Lifecycle;

/// <summary>
/// Creates a unit's notify endpoint through the transport it names (<c>X-NotifyTransport=</c>) or the configured one.
/// </summary>
internal static class NotifyEndpoints
{
    public static INotifyEndpoint Create(HostContext ctx, UnitDefinition unit)
    {
        var name = unit.Get("Service", "X-NotifyTransport") ?? ctx.Config.NotifyTransport;
        var transport = ctx.Plugins.Get<INotifyTransport>(PluginKind.NotifyTransport, name)
            ?? throw new ServiceStartException(
                $"Notify transport '{name}' is not available (see 'systemctl list-plugins').");
        int? uid = null, gid = null;
        if (UnitExecSettings.HasCredentials(unit))
        {
            var credentials = UnitExecSettings.Credentials(unit);
            uid = (int)credentials.Uid;
            gid = (int)credentials.Gid;
        }
        Platform.Host.Plugins.TrustedFolder.Ensure(ctx.ManagerRunDirectory);
        var endpoint = transport.CreateEndpoint(new NotifyEndpointContext(unit, ctx.ManagerRunDirectory, uid, gid));
        // A root service that drops privileges itself (dbus-daemon becomes messagebus) must still reach its socket, as
        // systemd's world-writable /run/systemd/notify lets it. With NotifyAccess=main or exec (the default) every
        // message is checked against the sender's kernel credentials, so write access to the file grants nothing more;
        // for NotifyAccess=all the file stays the service's own.
        if (uid is null && gid is null && unit.Get("Service", "NotifyAccess")?.Trim() is null or "" or "main" or "exec"
            && endpoint.Address is { } address && address.StartsWith('/') && File.Exists(address))
            File.SetUnixFileMode(address, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead
                | UnixFileMode.GroupWrite
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);
        return endpoint;
    }
}
