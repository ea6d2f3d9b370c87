using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Interop;
using Platform.Units;

namespace Platform.Host.Sockets;

/// <summary>
/// The descriptors a starting service gets (systemd's service_collect_fds()): the listeners of every active socket unit
/// that activates it (same name, <c>Service=</c>, or listed in its <c>Sockets=</c>), whoever starts it; for an
/// Accept=yes instance, its connection. Fetched from the holders; owned (and closed) by this object.
/// </summary>
internal sealed class SocketActivation : IDisposable
{
    public List<int> Fds { get; } = [];
    public List<string> Names { get; } = [];
    public int? Connection { get; private set; }

    public static SocketActivation Collect(HostContext ctx, UnitDefinition service)
    {
        var result = new SocketActivation();
        var listed = service.GetWords("Service", "Sockets").ToHashSet(StringComparer.Ordinal);
        var template = UnitNames.TemplateOf(service.Name);
        // Only sockets with a control socket can be held: a glance at that folder, not a read of every record.
        var folder = Path.GetDirectoryName(SocketRuntime.ControlPath(ctx, "x"))!;
        if (!Directory.Exists(folder)) return result;
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            var name = Path.GetFileName(entry);
            if (!name.EndsWith(".socket", StringComparison.Ordinal) || ctx.Store.Read(name) is not { } status
                || !SocketRuntime.IsListening(status)) continue;
            var socket = ctx.Units.Load(status.Unit);
            if (socket.LoadState != UnitLoadState.Loaded) continue;
            var settings = SocketSettings.From(socket);
            var path = SocketRuntime.ControlPath(ctx, socket.Name);
            if (settings.Accept)
            {
                if (template is null || settings.Service != template || result.Connection is not null) continue;
                if (SocketClient.Ask(path, "connection " + service.Name) is { Fds.Count: 1 } answer)
                {
                    result.Connection = answer.Fds[0];
                    result.Fds.Add(answer.Fds[0]);
                    result.Names.Add("connection");
                }
                continue;
            }
            // Service= may name an alias (syslog.socket activates syslog.service, rsyslog's alias).
            if (settings.Service != service.Name && !listed.Contains(socket.Name)
                && ctx.Units.Load(settings.Service).Name != service.Name) continue;
            if (SocketClient.Ask(path, "listen") is not { } listen) continue;
            result.Fds.AddRange(listen.Fds);
            var names = listen.Text.Split(':');
            for (var i = 0; i < listen.Fds.Count; i++)
                result.Names.Add(i < names.Length ? names[i] : settings.FileDescriptorName);
        }
        return result;
    }

    public void Dispose()
    {
        foreach (var fd in Fds) _ = LibC.close(fd);
        Fds.Clear();
    }
}
