using System.Text;
using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;
using Platform.Host.Commands.Show;
using Platform.Host.Init;
using Platform.Host.Lifecycle;
using Platform.Host.Output;

namespace Platform.Host.Commands.Lifecycle;

/// <summary>
/// <c>status</c> without a unit: systemd 252's overview of the manager (state, loaded units, queued jobs, failed
/// units, since when) and the process tree. Without a cgroup tree, the tree is the one <c>status UNIT</c> draws for
/// each running unit, grouped under the slice its processes would be in.
/// </summary>
internal static class SystemOverview
{
    public static int Run(HostContext ctx)
    {
        var init = new InitState(ctx);
        var records = RuntimeState.List(ctx);
        var state = init.Current();
        var failed = records.Count(s => UnitRuntime.Effective(s).ActiveState == ActiveState.Failed);
        var jobs = records.Count(s => RunningJob.Of(s) is not null);
        var initPid = init.RunningPid();
        var since = initPid is not null && init.StartedUsec() is { } started ? started : ProcFs.BootTimeUsec();
        var now = Clock.NowUsec();
        var sb = new StringBuilder();
        sb.Append(state is "running" ? "● " : "× ").Append(Environment.MachineName).Append('\n');
        sb.Append("    State: ").Append(state).Append('\n');
        sb.Append("    Units: ").Append(LoadedCount(ctx, records)).Append(" loaded (incl. loaded aliases)\n");
        sb.Append("     Jobs: ").Append(jobs).Append(" queued\n");
        sb.Append("   Failed: ").Append(failed).Append(" units\n");
        if (since > 0)
            sb.Append("    Since: ").Append(SystemdFormat.Timestamp(since)).Append("; ")
                .Append(SystemdFormat.Ago(since, now)).Append('\n');
        sb.Append("  systemd: ").Append(VersionCommand.CompatibleSystemd).Append('\n');
        sb.Append("   CGroup: /\n");
        AppendTree(sb, Groups(ctx, initPid, records));
        ctx.Out.Write(sb.ToString());
        return ExitCodes.Success;
    }

    /// <summary>
    /// What a manager would have loaded: every unit with a record plus every unit file (templates excepted).
    /// </summary>
    private static int LoadedCount(HostContext ctx, IReadOnlyList<UnitStatus> records)
    {
        var names = new HashSet<string>(records.Select(r => r.Unit), StringComparer.Ordinal);
        foreach (var name in ctx.Units.AllUnitFileNames())
            if (!Units.UnitNames.IsTemplate(name)) names.Add(name);
        return names.Count;
    }

    /// <summary>slice → unit → processes, in systemd's sort order; the init itself under <c>init.scope</c>.</summary>
    private static SortedDictionary<string, SortedDictionary<string, List<int>>> Groups(
        HostContext ctx, int? initPid, IReadOnlyList<UnitStatus> records)
    {
        var groups = new SortedDictionary<string, SortedDictionary<string, List<int>>>(StringComparer.Ordinal);
        if (initPid is { } pid)
            groups[""] = new SortedDictionary<string, List<int>>(StringComparer.Ordinal) { ["init.scope"] = [pid] };
        foreach (var status in records)
        {
            if (status.ActiveState == ActiveState.Inactive) continue;
            var unit = ctx.Units.Load(status.Unit);
            var processes = UnitProcesses.Find(status.MainPid, RuntimeRecord.ReadSessions(status),
                UnitControlGroup.Existing(ctx, unit),
                status.InvocationId);
            if (processes.Count == 0) continue;
            var slice = UnitControlGroup.Slice(ctx, unit);
            if (!groups.TryGetValue(slice, out var units))
                groups[slice] = units = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
            units[status.Unit] = processes;
        }
        return groups;
    }

    private static void AppendTree(StringBuilder sb,
        SortedDictionary<string, SortedDictionary<string, List<int>>> groups)
    {
        const string Indent = "           ";
        // Top level: init.scope directly under the root, then each slice with its units below it.
        var top = new List<(string Name, Action<string> Children)>();
        foreach (var (slice, units) in groups)
        {
            if (slice.Length == 0)
                foreach (var (unit, pids) in units) top.Add((unit, prefix => AppendProcesses(sb, prefix, pids)));
            else
                top.Add((slice, prefix => AppendUnits(sb, prefix, units)));
        }
        for (var i = 0; i < top.Count; i++)
        {
            var last = i == top.Count - 1;
            sb.Append(Indent).Append(last ? "└─" : "├─").Append(top[i].Name).Append('\n');
            top[i].Children(Indent + (last ? "  " : "│ "));
        }
    }

    private static void AppendUnits(StringBuilder sb, string prefix, SortedDictionary<string, List<int>> units)
    {
        var i = 0;
        foreach (var (unit, pids) in units)
        {
            var last = ++i == units.Count;
            sb.Append(prefix).Append(last ? "└─" : "├─").Append(unit).Append('\n');
            AppendProcesses(sb, prefix + (last ? "  " : "│ "), pids);
        }
    }

    private static void AppendProcesses(StringBuilder sb, string prefix, List<int> pids)
    {
        for (var i = 0; i < pids.Count; i++)
            sb.Append(prefix).Append(i == pids.Count - 1 ? "└─" : "├─").Append(pids[i]).Append(' ')
              .Append(StatusCommand.CommandLine(pids[i])).Append('\n');
    }
}
