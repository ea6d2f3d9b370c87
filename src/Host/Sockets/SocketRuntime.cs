using System.Globalization;
using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;

namespace Platform.Host.Sockets;

/// <summary>Where a socket unit's holder answers, and what its record says about it.</summary>
internal static class SocketRuntime
{
    /// <summary>The holder's pid and start time, kept in the socket unit's record.</summary>
    public const string HolderKey = "Socket.Holder";

    /// <summary>
    /// RUN/platform/sockets/NAME: the holder's control socket (SOCK_SEQPACKET), one request and one answer per
    /// connection.
    /// </summary>
    public static string ControlPath(HostContext ctx, string socketUnit) =>
        Path.Join(ctx.RunDirectory, "platform", "sockets", socketUnit);

    /// <summary>
    /// RUN/platform/activate: where a running init takes start requests from holders (SOCK_DGRAM, owner only).
    /// </summary>
    public static string ActivationPath(HostContext ctx) => Path.Join(ctx.RunDirectory, "platform", "activate");

    public static string HolderValue(int pid) =>
        pid.ToString(CultureInfo.InvariantCulture) + " " + (ProcFs.StartTime(pid) ?? 0)
        .ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The holder's pid when it still runs (checked with its start time, so a reused pid does not count).
    /// </summary>
    public static int? LiveHolder(UnitStatus status)
    {
        if (!status.Extra.TryGetValue(HolderKey, out var text)) return null;
        var parts = text.Split(' ');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return null;
        ulong? start = parts.Length > 1 && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture,
            out var s) && s > 0 ? s : null;
        return ProcFs.IsAlive(pid, start) ? pid : null;
    }

    /// <summary>Whether a record is of a socket whose listeners are held now.</summary>
    public static bool IsListening(UnitStatus status)
        => status.ActiveState is ActiveState.Active or ActiveState.Activating && LiveHolder(status) is not null;

    /// <summary>
    /// An Accept=no socket whose service runs is <c>running</c> rather than <c>listening</c>, as systemd shows it.
    /// </summary>
    public static UnitStatus WithSubState(HostContext ctx, UnitStatus status)
    {
        if (!status.Unit.EndsWith(".socket", StringComparison.Ordinal) || status.ActiveState != ActiveState.Active
            || status.SubState != "listening")
            return status;
        var unit = ctx.Units.Load(status.Unit);
        if (unit.LoadState != UnitLoadState.Loaded) return status;
        var settings = SocketSettings.From(unit);
        if (settings.Accept || ctx.Store.Read(ctx.Units.Load(settings.Service).Name) is not { } service) return status;
        return Lifecycle.UnitRuntime.Effective(service).ActiveState is ActiveState.Active or ActiveState.Reloading
            or ActiveState.Deactivating
            ? status with { SubState = "running" } : status;
    }
}
