using Platform.Units;

namespace Platform.Host.Lifecycle;

/// <summary>
/// The units a booted system has already reached. Without a daemon there is no record that the early boot ran, yet
/// on any machine or container a <c>systemctl start</c> is called on, it did (or never will: a host booted by
/// something else). Only the boot transaction of an init running as PID 1 starts these units; every other start
/// treats them as reached, so a plain <c>start x</c> never runs <c>systemd-tmpfiles --remove --boot</c>, a journald,
/// <c>systemd-networkd-wait-online</c> or a getty because x is ordered after <c>sysinit.target</c> or wants
/// <c>network-online.target</c>. A unit named on the command line is still started itself; what it pulls in
/// through the boot set is not.
/// </summary>
internal sealed class BootSet
{
    /// <summary>
    /// systemd.special(7)'s early-boot targets and the passive synchronisation points that a running system has long
    /// passed: <c>sysinit.target</c> and <c>basic.target</c> with what they pull in, plus the network, file-system,
    /// name-lookup, time and login targets that services name in <c>Wants=</c>/<c>After=</c>.
    /// </summary>
    public static readonly string[] Roots =
    [
        "sysinit.target", "basic.target", "local-fs.target", "local-fs-pre.target", "remote-fs.target",
        "remote-fs-pre.target", "swap.target", "cryptsetup.target", "cryptsetup-pre.target", "veritysetup.target",
        "integritysetup.target", "network.target", "network-pre.target", "network-online.target",
        "nss-lookup.target", "nss-user-lookup.target", "time-set.target", "time-sync.target", "getty.target",
        "getty-pre.target", "sockets.target", "timers.target", "paths.target", "slices.target", "emergency.target",
        "rescue.target", "initrd.target", "initrd-root-fs.target", "initrd-fs.target",
    ];

    private static readonly string[] Pulling = ["Requires", "BindsTo", "Wants", "Requisite"];

    private readonly HashSet<string> _units = new(StringComparer.Ordinal);

    private BootSet() { }

    /// <summary>An empty set: the init's boot transaction, which starts everything.</summary>
    public static BootSet None { get; } = new();

    /// <summary>The roots with every unit they pull in, through files, <c>.wants/</c> folders and built-ins.</summary>
    public static BootSet Reached(UnitRepository repo, DependencyGraph graph)
    {
        var set = new BootSet();
        var queue = new Queue<string>(Roots);
        while (queue.Count > 0)
        {
            var unit = repo.LoadUnit(queue.Dequeue());
            if (!set._units.Add(unit.Id)) continue;
            foreach (var name in unit.Names) set._units.Add(name);
            if (!unit.IsLoaded) continue;
            foreach (var kind in Pulling)
                foreach (var dep in graph.Declared(unit, kind))
                    if (!set._units.Contains(dep)) queue.Enqueue(dep);
        }
        return set;
    }

    /// <summary>Whether <paramref name="unit"/> counts as reached, so a start transaction leaves it out.</summary>
    public bool Contains(string unit) => _units.Contains(unit);
}
