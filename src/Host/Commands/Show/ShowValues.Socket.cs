using Platform.Abstractions;
using Platform.Host.Output;
using Platform.Host.Sockets;

namespace Platform.Host.Commands.Show;

internal sealed partial class ShowValues
{
    private const string Sk = "Socket";
    private SocketSettings? _socketSettings;

    /// <summary>
    /// A socket's properties as systemctl 252 prints them (dbus-socket.c order); what we do not implement shows
    /// systemd's default.
    /// </summary>
    private IEnumerable<string> SocketValues(string key)
    {
        var settings = _socketSettings ??= SocketSettings.From(_u);
        switch (key)
        {
            case "BindIPv6Only": yield return settings.BindIPv6Only; break;
            case "Backlog": yield return Num(settings.Backlog); break;
            case "TimeoutUSec": yield return Time(_u.GetTimeSpan(Sk, "TimeoutSec"),
                _config.DefaultTimeoutStartSec); break;
            case "BindToDevice": yield return _u.Get(Sk, "BindToDevice") ?? ""; break;
            case "SocketUser": yield return settings.SocketUser ?? ""; break;
            case "SocketGroup": yield return settings.SocketGroup ?? ""; break;
            case "SocketMode": yield return Octal(settings.SocketMode); break;
            case "DirectoryMode": yield return Octal(settings.DirectoryMode); break;
            case "Accept": yield return SystemdFormat.YesNo(settings.Accept); break;
            case "FlushPending" or "Writable" or "KeepAlive" or "NoDelay" or "Transparent" or "Broadcast"
                or "PassSecurity" or "PassPacketInfo":
                yield return Bool(Sk, key, false);
                break;
            case "KeepAliveTimeUSec" or "KeepAliveIntervalUSec" or "DeferAcceptUSec":
                yield return Time(_u.GetTimeSpan(Sk, key.Replace("USec", "Sec", StringComparison.Ordinal)),
                    TimeSpan.Zero);
                break;
            case "KeepAliveProbes" or "ReceiveBuffer" or "SendBuffer" or "PipeSize" or "MessageQueueMaxMessages"
                or "MessageQueueMessageSize"
                or "SocketProtocol" or "ControlPID":
                yield return "0";
                break;
            case "NConnections": yield return Num(_s.SocketCounters?.Connections ?? 0); break;
            case "NAccepted": yield return Num(_s.SocketCounters?.Accepted ?? 0); break;
            case "NRefused": yield return Num(_s.SocketCounters?.Refused ?? 0); break;
            case "Priority" or "IPTOS" or "IPTTL" or "Mark": yield return "-1"; break;
            case "FreeBind": yield return SystemdFormat.YesNo(settings.FreeBind); break;
            case "PassCredentials": yield return SystemdFormat.YesNo(settings.PassCredentials); break;
            case "Timestamping": yield return _u.Get(Sk, "Timestamping") ?? "off"; break;
            case "RemoveOnStop": yield return SystemdFormat.YesNo(settings.RemoveOnStop); break;
            case "Listen":
                foreach (var listen in settings.Listen) yield return $"{listen.Display} ({listen.Kind})";
                break;
            case "Symlinks": yield return string.Join(' ', settings.Symlinks); break;
            case "MaxConnections": yield return Num(settings.MaxConnections); break;
            case "MaxConnectionsPerSource": yield return Num(settings.MaxConnectionsPerSource); break;
            case "ReusePort": yield return SystemdFormat.YesNo(settings.ReusePort); break;
            case "Result": yield return _st.Result; break;
            case "FileDescriptorName": yield return settings.FileDescriptorName; break;
            case "TriggerLimitIntervalUSec": yield return SystemdValues.FormatTimeSpan(
                settings.TriggerLimitInterval); break;
            case "TriggerLimitBurst": yield return Num(settings.TriggerLimitBurst); break;
            case "UID" or "GID": yield return "[not set]"; break;
            case "ExecStartPre" or "ExecStartPost" or "ExecStopPre" or "ExecStopPost":
                if (ExecProperty(key, false) is { Length: > 0 } exec) yield return exec;
                break;
            case "Slice": yield return _u.Get(Sk, "Slice") is { Length: > 0 } slice ? slice : "system.slice"; break;
        }
    }

    private static string Octal(uint mode) => Convert.ToString(mode, 8).PadLeft(4, '0');
}
