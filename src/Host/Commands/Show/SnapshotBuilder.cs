using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;
using Platform.Units;

namespace Platform.Host.Commands.Show;

/// <summary>
/// Gathers what <c>show</c> prints about a unit. Paths are shown as seen inside the root. The status store is
/// opened and the dependency graph walked only when a wanted property needs them (<paramref name="wanted"/> null: all).
/// </summary>
internal sealed class SnapshotBuilder(HostContext ctx, HashSet<string>? wanted)
{
    private ReverseDependencies? _reverse;
    private readonly bool _runtime = wanted is null || wanted.Any(NeedsRuntime);

    public UnitSnapshot Build(string name)
    {
        var loaded = ctx.Units.LoadUnit(name);
        var def = InRoot(loaded);
        var found = def.LoadState != UnitLoadState.NotFound;
        var status = _runtime || def.Kind is "timer" or "path"
            ? RuntimeState.Read(ctx, loaded.Id) : new UnitStatus { Unit = loaded.Id };
        return new UnitSnapshot
        {
            TimerSchedule = def.Kind == "timer" && found && status.ActiveState == ActiveState.Active
                ? Timers.TimerRuntime.Schedule(ctx, loaded.Definition, status, Platform.Host.Lifecycle.Clock.NowUsec())
                    : null,
            SocketCounters = def.Kind == "socket" && found && (Wants("NConnections") || Wants("NAccepted")
                || Wants("NRefused"))
                ? Sockets.SocketCounters.Ask(ctx, loaded.Id) : null,
            Unit = def,
            Names = loaded.Names,
            UnitFileState = found && Wants("UnitFileState") ? ctx.Units.GetUnitFileState(loaded.Id) ?? "" : null,
            UnitFilePreset = found && Wants("UnitFilePreset") ? ctx.Units.GetPresetState(loaded.Id) : null,
            Status = status,
            Dependencies = Dependencies(loaded),
            Commands = key => Commands(def, key),
            Slice = found && def.Kind == "service" ? Platform.Host.Lifecycle.UnitControlGroup.Slice(ctx,
                loaded.Definition) : null,
            ControlGroup = found && Wants("ControlGroup") && status.ActiveState != ActiveState.Inactive
                ? Platform.Host.Lifecycle.UnitControlGroup.Name(ctx, loaded.Definition) : null,
        };
    }

    private bool Wants(string property) => wanted is null || wanted.Contains(property);

    /// <summary>Properties whose value comes from the runtime record rather than the unit files.</summary>
    public static bool NeedsRuntime(string property)
        => property is "ActiveState" or "SubState" or "ControlGroup" or "MainPID" or "ControlPID" or "StatusText"
            or "StatusErrno" or "Result"
               or "NRestarts" or "InvocationID" or "ConditionResult" or "AssertResult" or "Job"
           || property.Contains("Timestamp", StringComparison.Ordinal)
           || property.StartsWith("Exec", StringComparison.Ordinal);

    private Dictionary<string, IReadOnlyList<string>> Dependencies(LoadedUnit unit)
    {
        if (unit.Definition.LoadState == UnitLoadState.NotFound) return new(StringComparer.Ordinal);
        var properties = new List<string>();
        foreach (var property in ShowOrder.DependencyProperties)
            if (Wants(property) && DependencyKinds.IsKnown(property)) properties.Add(property);
        if (properties.Count == 0) return new(StringComparer.Ordinal);
        _reverse ??= new ReverseDependencies(ctx.Units, new DependencyGraph(ctx.Units));
        return _reverse.For(unit, properties);
    }

    private static List<ExecCommand> Commands(UnitDefinition def, string key)
    {
        var all = new List<ExecCommand>();
        foreach (var value in def.GetList(def.Kind == "socket" ? "Socket" : "Service", key))
            if (ExecCommandLine.TryParse(value, out var commands, out _)) all.AddRange(commands);
        return all;
    }

    /// <summary>
    /// The definition with its file paths as the managed system sees them (a masked unit's fragment is /dev/null).
    /// </summary>
    private UnitDefinition InRoot(LoadedUnit loaded)
    {
        var def = loaded.Definition;
        if (ctx.Root.Length == 0 && def.LoadState != UnitLoadState.Masked) return def;
        var paths = ctx.Units.Paths;
        var fragment = def.LoadState == UnitLoadState.Masked ? "/dev/null"
            : def.FragmentPath is { } f ? paths.InRoot(f) : null;
        var dropIns = new List<string>(def.DropInPaths.Count);
        foreach (var d in def.DropInPaths) dropIns.Add(paths.InRoot(d));
        // Load errors name the file on disk; inside the root it is the path without the root prefix.
        var error = ctx.Root.Length > 0 ? def.LoadError?.Replace(ctx.Root + "/", "/", StringComparison.Ordinal)
            : def.LoadError;
        return new UnitDefinition(def.Name, def.LoadState, fragment, dropIns, def.Settings, error);
    }
}
