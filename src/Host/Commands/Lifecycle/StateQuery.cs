using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Commands.Show;

namespace Platform.Host.Commands.Lifecycle;

/// <summary><c>is-active</c> and <c>is-failed</c>: one state per unit; the exit code answers the question.</summary>
internal static class StateQuery
{
    /// <summary>Exit 0 when any unit is active, as systemd 252 does; otherwise 3 (LSB "not running").</summary>
    public static int IsActive(HostContext ctx, IReadOnlyList<string> units)
    {
        // A bare template (getty@.service) names no unit: systemd 252 answers nothing and exits 1.
        if (units.Any(Units.UnitNames.IsTemplate)) return ExitCodes.Failure;
        var any = false;
        foreach (var unit in units)
        {
            var state = RuntimeState.Read(ctx, unit).ActiveState;
            any |= state is ActiveState.Active or ActiveState.Reloading;
            if (!ctx.Options.Quiet) ctx.Out.WriteLine(Name(state));
        }
        return any ? ExitCodes.Success : ExitCodes.NotRunning;
    }

    /// <summary>Exit 0 when any unit is failed, else 1.</summary>
    public static int IsFailed(HostContext ctx, IReadOnlyList<string> units)
    {
        if (units.Any(Units.UnitNames.IsTemplate)) return ExitCodes.Failure;
        var any = false;
        foreach (var unit in units)
        {
            var state = RuntimeState.Read(ctx, unit).ActiveState;
            any |= state == ActiveState.Failed;
            if (!ctx.Options.Quiet) ctx.Out.WriteLine(Name(state));
        }
        return any ? ExitCodes.Success : ExitCodes.Failure;
    }

    public static string Name(ActiveState state) => state switch
    {
        ActiveState.Active => "active",
        ActiveState.Activating => "activating",
        ActiveState.Deactivating => "deactivating",
        ActiveState.Reloading => "reloading",
        ActiveState.Failed => "failed",
        _ => "inactive",
    };
}
