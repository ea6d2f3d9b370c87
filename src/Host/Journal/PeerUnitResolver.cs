using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;
using Platform.Host.Lifecycle;

namespace Platform.Host.Journal;

/// <summary>
/// Which unit a process belongs to by the manager's own records of a root: the sessions a start recorded, the main
/// process and its descendants (<see cref="UnitProcesses"/>, the cgroup stand-in <c>stop</c> uses). The pump asks this
/// for streams it does not take at their word (see <c>StreamTrust</c>).
/// </summary>
internal static class PeerUnitResolver
{
    /// <summary>A resolver over the system manager's records under <paramref name="root"/>.</summary>
    public static Func<int, string?> For(string root)
    {
        HostContext? ctx = null;
        return pid =>
        {
            ctx ??= new HostContext(new CommandLineOptions { Root = root }, TextWriter.Null, TextWriter.Null);
            foreach (var record in ctx.Store.List())
            {
                if (record.ActiveState is ActiveState.Inactive) continue;
                if (record.MainPid == pid || UnitProcesses.Find(record.MainPid, RuntimeRecord.ReadSessions(record))
                    .Contains(pid))
                    return record.Unit;
            }
            return null;
        };
    }
}
