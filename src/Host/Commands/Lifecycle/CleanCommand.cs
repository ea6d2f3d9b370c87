using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Lifecycle;

namespace Platform.Host.Commands.Lifecycle;

/// <summary>
/// <c>clean [--what=...] UNIT...</c>: removes the unit's runtime/state/cache/logs/configuration folders while it is not
/// running.
/// </summary>
internal static class CleanCommand
{
    private static readonly string[] Kinds = ["configuration", "state", "cache", "logs", "runtime"];

    public static int Run(HostContext ctx, IReadOnlyList<string> units)
    {
        var what = new List<string>();
        foreach (var item in ctx.Options.What.SelectMany(w => w.Split(',', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (item == "all") what.AddRange(Kinds);
            else if (Kinds.Contains(item) || item == "fdstore") what.Add(item);
            else return LifecycleCommands.Fail(ctx, $"Invalid value for --what=: {item}", ExitCodes.Failure);
        }
        if (what.Count == 0) what.AddRange(["cache", "runtime"]);
        var code = ExitCodes.Success;
        foreach (var name in units)
        {
            var unit = ctx.Units.Load(name);
            if (unit.LoadState == UnitLoadState.NotFound)
                return LifecycleCommands.Fail(ctx, $"Failed to clean {name}: Unit {name} not loaded.",
                    ExitCodes.NotInstalled);
            using var held = UnitLock.Acquire(ctx.ManagerRunDirectory, name, TimeSpan.FromSeconds(30));
            if (UnitRuntime.Read(ctx, name).ActiveState is not (ActiveState.Inactive or ActiveState.Failed))
            {
                ctx.Err.WriteLine($"Failed to clean {name}: Unit {name} is active or activating, refusing.");
                code = ExitCodes.Failure;
                continue;
            }
            UnitDirectories.Remove(unit, ctx.Under, what);
        }
        return code;
    }
}
