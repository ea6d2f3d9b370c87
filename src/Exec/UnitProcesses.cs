namespace Platform.Exec;

/// <summary>
/// A unit's processes: the members of its cgroup when it has one (<see cref="ControlGroups"/>), and, standing in for
/// a cgroup where there is none (and for processes started before there was one): the live processes of its recorded
/// sessions, of the main process's session when the main process leads one, and the main process's descendants. This
/// process, its ancestors, PID 1 and kernel threads are never included.
/// </summary>
internal static class UnitProcesses
{
    /// <summary>The unit's live processes (main included when alive), in /proc order.</summary>
    /// <remarks>
    /// Without a cgroup, a process that left the session and the main process's tree (setsid + fork) is still found by
    /// the <c>INVOCATION_ID</c> of <paramref name="invocationId"/> in its environment, unless it cleared that.
    /// </remarks>
    public static List<int> Find(int mainPid, IReadOnlyList<int>? sessions, string? controlGroup = null,
        string? invocationId = null)
    {
        var snapshot = ProcFs.All();
        var protectedPids = Protected(snapshot);
        var ownSession = ProcFs.SessionId(Environment.ProcessId) ?? -1;
        var wanted = new HashSet<int>();
        foreach (var sid in sessions ?? []) if (sid > 1 && sid != ownSession) wanted.Add(sid);
        var main = mainPid > 0 ? snapshot.Find(s => s.Pid == mainPid) : default;
        if (main.Pid > 0 && main.Session == main.Pid && main.Session != ownSession) wanted.Add(main.Session);
        var result = new List<int>();
        foreach (var s in snapshot)
            if (!s.IsZombie && wanted.Contains(s.Session) && !protectedPids.Contains(s.Pid)) result.Add(s.Pid);
        if (main.Pid > 0)
        {
            if (!main.IsZombie && !result.Contains(main.Pid) && !protectedPids.Contains(main.Pid)) result.Add(main.Pid);
            foreach (var d in ProcFs.Descendants(mainPid, snapshot))
                if (!result.Contains(d) && !protectedPids.Contains(d)) result.Add(d);
        }
        if (controlGroup is null && invocationId is { Length: > 0 })
        {
            foreach (var pid in ProcFs.WithEnvironmentEntry("INVOCATION_ID=" + invocationId, snapshot))
                if (!protectedPids.Contains(pid) && !result.Contains(pid)) result.Add(pid);
        }
        else if (controlGroup is not null)
        {
            var live = new HashSet<int>();
            foreach (var s in snapshot) if (!s.IsZombie) live.Add(s.Pid);
            foreach (var pid in ControlGroups.Members(controlGroup))
                if (live.Contains(pid) && !protectedPids.Contains(pid) && !result.Contains(pid)) result.Add(pid);
        }
        return result;
    }

    private static HashSet<int> Protected(List<ProcStat> snapshot)
    {
        var set = new HashSet<int> { 0, 1, 2 };
        var byPid = new Dictionary<int, ProcStat>();
        foreach (var s in snapshot)
        {
            byPid[s.Pid] = s;
            if (s.ParentPid == 2) set.Add(s.Pid);
        }
        for (var pid = Environment.ProcessId; pid > 1 && set.Add(pid) && byPid.TryGetValue(pid, out var s);)
            pid = s.ParentPid;
        return set;
    }
}
