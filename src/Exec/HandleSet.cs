namespace Platform.Exec;

/// <summary>The pidfds of a unit's processes during one stop, opened once per process and closed together.</summary>
internal sealed class HandleSet : IDisposable
{
    private readonly KillTarget _target;
    private readonly Dictionary<int, PidHandle> _handles = [];

    public HandleSet(KillTarget target)
    {
        _target = target;
        Main = target.MainPid > 0 ? PidHandle.Open(target.MainPid, target.MainStartTime) : null;
        if (Main is not null) _handles[Main.Pid] = Main;
    }

    /// <summary>The main process when it is still the recorded one and alive.</summary>
    public PidHandle? Main { get; }

    /// <summary>Pids that were sent at least one signal.</summary>
    public HashSet<int> Signalled { get; } = [];

    /// <summary>The unit's processes alive now (main first when alive), reusing handles already open.</summary>
    public List<PidHandle> Refresh()
    {
        var list = new List<PidHandle>();
        if (Main is { HasExited: false }) list.Add(Main);
        // A reused main pid must not pull in the stranger's session or children.
        var mainPid = Main is null ? 0 : _target.MainPid;
        foreach (var pid in UnitProcesses.Find(mainPid, _target.Sessions, _target.ControlGroup, _target.InvocationId))
        {
            if (Main is not null && pid == Main.Pid) continue;
            if (!_handles.TryGetValue(pid, out var h))
            {
                h = PidHandle.Open(pid);
                if (h is null) continue;
                _handles[pid] = h;
            }
            if (!h.HasExited) list.Add(h);
        }
        return list;
    }

    public void Dispose()
    {
        foreach (var h in _handles.Values) h.Dispose();
    }
}
