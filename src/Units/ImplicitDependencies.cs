using Platform.Abstractions;

namespace Platform.Units;

/// <summary>
/// The default and implicit dependencies of the unit type man pages (systemd.service(5), .socket(5), .timer(5),
/// .path(5), .target(5), "Implicit Dependencies" and "Default Dependencies"), for the properties systemd shows.
/// </summary>
internal static class ImplicitDependencies
{
    /// <summary>Targets that implicit dependencies name; reverse lookups on them must consider every unit.</summary>
    public static readonly string[] ImplicitTargets =
        ["sysinit.target", "basic.target", "shutdown.target", "sockets.target", "timers.target", "paths.target",
            "time-set.target", "time-sync.target"];

    /// <summary>
    /// Adds the implicit dependencies of <paramref name="unit"/> for <paramref name="property"/> to
    /// <paramref name="into"/>.
    /// </summary>
    public static void Add(UnitDefinition unit, string property, bool user, List<string> into,
        Func<string, IReadOnlyList<string>> declared,
        Func<string, UnitDefinition> load)
    {
        var type = unit.Kind;
        if (property == "Triggers" && TriggeredUnit(unit) is { } triggered) into.Add(triggered);
        if (type is "socket" or "path" && property == "Before" && TriggeredUnit(unit) is { } activated)
            into.Add(activated);
        // Units that run processes live in a slice, whatever DefaultDependencies= says (systemd.resource-control(5)).
        if (property is "Requires" or "After" && type is "service" or "socket" or "mount" or "swap" or "scope")
            into.Add(UnitSlices.SliceOf(unit, user));
        if (!unit.GetBool("Unit", "DefaultDependencies", true)) return;
        var sysinit = !user && type is "service" or "socket" or "timer" or "path";
        switch (property)
        {
            case "Requires" when sysinit:
                into.Add("sysinit.target");
                break;
            case "After" when sysinit:
                into.Add("sysinit.target");
                if (type == "service") into.Add("basic.target");
                if (type == "timer" && unit.Has("Timer", "OnCalendar"))
                {
                    into.Add("time-set.target");
                    into.Add("time-sync.target");
                }
                break;
            case "After" when user && type == "service":
                into.Add("basic.target");
                break;
            // systemd.target(5): a target is ordered after what it wants or requires, unless that unit is not loaded,
            // has DefaultDependencies=no itself, or the target is explicitly ordered before it.
            case "After" when type == "target":
                var before = unit.GetWords("Unit", "Before");
                foreach (var kind in (string[])["Wants", "Requires", "Requisite", "BindsTo"])
                    foreach (var d in declared(kind))
                    {
                        if (d == unit.Name || UnitNames.TypeOf(d) is null || before.Contains(d)) continue;
                        var other = load(d);
                        if (other.LoadState == UnitLoadState.Loaded
                            && other.GetBool("Unit", "DefaultDependencies", true)) into.Add(d);
                    }
                break;
            case "Before" when type is "socket" or "timer" or "path":
                into.Add(type + "s.target");
                into.Add("shutdown.target");
                break;
            case "Before" when type is "service" or "target":
                into.Add("shutdown.target");
                break;
            case "Conflicts" when type is "service" or "socket" or "timer" or "path" or "target":
                into.Add("shutdown.target");
                break;
        }
    }

    /// <summary>
    /// The unit a socket, timer or path unit activates: <c>Service=</c>/<c>Unit=</c>, else the same name as a service.
    /// </summary>
    public static string? TriggeredUnit(UnitDefinition unit) => unit.Kind switch
    {
        // An Accept=yes socket triggers a new instance per connection, no unit of its own (systemd shows no Triggers=).
        "socket" => unit.GetBool("Socket", "Accept", false) ? null : unit.Get("Socket", "Service")
            ?? UnitNames.WithoutSuffix(unit.Name) + ".service",
        "timer" => unit.Get("Timer", "Unit") ?? UnitNames.WithoutSuffix(unit.Name) + ".service",
        "path" => unit.Get("Path", "Unit") ?? UnitNames.WithoutSuffix(unit.Name) + ".service",
        "automount" => UnitNames.WithoutSuffix(unit.Name) + ".mount",
        _ => null,
    };
}
