using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;

namespace Platform.Host.Lifecycle;

/// <summary>
/// Where a unit's processes live when the root has a writable cgroup2 hierarchy at <c>/sys/fs/cgroup</c> (system
/// manager only: a user manager would need a delegated subtree). Without one, every answer is null and the
/// /proc-based tracking of <see cref="UnitProcesses"/> is all there is.
/// </summary>
internal static class UnitControlGroup
{
    /// <summary>
    /// The slice a unit's processes belong to: <c>Slice=</c>, else <c>system.slice</c> (<c>app.slice</c> for --user).
    /// </summary>
    public static string Slice(HostContext ctx, UnitDefinition unit)
        => Units.UnitSlices.SliceOf(unit, ctx.Options.UserMode);

    /// <summary>The hierarchy, or null when there is none we may use (probed once per command).</summary>
    public static ControlGroups? Hierarchy(HostContext ctx)
    {
        if (ctx.Options.UserMode) return null;
        if (!ctx.ControlGroupsProbed)
        {
            ctx.ControlGroups = ControlGroups.Open(ctx.Under("/sys/fs/cgroup"));
            ctx.ControlGroupsProbed = true;
        }
        return ctx.ControlGroups;
    }

    /// <summary>
    /// systemd's <c>ControlGroup</c> value (<c>/system.slice/x.service</c>) when the unit's group exists, else null.
    /// </summary>
    public static string? Name(HostContext ctx, UnitDefinition unit)
    {
        if (Hierarchy(ctx) is not { } h) return null;
        var name = ControlGroups.Name(Slice(ctx, unit), unit.Name);
        return Directory.Exists(h.PathOf(name)) ? name : null;
    }

    /// <summary>The directory of the unit's group when it exists (what stop and status read), else null.</summary>
    public static string? Existing(HostContext ctx, UnitDefinition unit)
        => Name(ctx, unit) is { } name ? Hierarchy(ctx)!.PathOf(name) : null;

    /// <summary>Creates the unit's group for a start; null when the hierarchy is absent or refuses.</summary>
    public static string? Prepare(HostContext ctx, UnitDefinition unit)
    {
        if (Hierarchy(ctx) is not { } h) return null;
        var name = ControlGroups.Name(Slice(ctx, unit), unit.Name);
        return h.Create(name) ? h.PathOf(name) : null;
    }

    /// <summary>Removes the unit's group once its last process is gone.</summary>
    public static void Release(HostContext ctx, UnitDefinition unit)
    {
        if (Existing(ctx, unit) is { } directory) ControlGroups.RemoveIfEmpty(directory);
    }
}
