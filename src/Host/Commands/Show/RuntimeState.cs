using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Lifecycle;

namespace Platform.Host.Commands.Show;

/// <summary>
/// Runtime state for read-only commands, without opening the status store when it cannot hold anything: the host
/// creates the store's state folder under /run before any store is opened, so while that folder is missing no unit
/// has run in this boot and every unit is inactive. Saves loading the store plugin on untouched systems.
/// </summary>
internal static class RuntimeState
{
    public static bool AnyRecorded(HostContext ctx) =>
        Directory.Exists(Path.Join(ctx.RunDirectory, "platform", "status"));

    /// <summary>
    /// The effective status of a unit (<see cref="UnitRuntime.Read"/>), or an inactive one when nothing was ever
    /// recorded.
    /// </summary>
    public static UnitStatus Read(HostContext ctx, string unit)
        => AnyRecorded(ctx) ? UnitRuntime.Read(ctx, unit) : new UnitStatus { Unit = unit };

    /// <summary>
    /// All stored records, corrected as <see cref="UnitRuntime.Effective"/> does; empty when nothing was ever recorded.
    /// </summary>
    public static IReadOnlyList<UnitStatus> List(HostContext ctx)
    {
        if (!AnyRecorded(ctx)) return [];
        var list = new List<UnitStatus>();
        foreach (var r in ctx.Store.List()) list.Add(Sockets.SocketRuntime.WithSubState(ctx, UnitRuntime.Effective(r)));
        return list;
    }
}
