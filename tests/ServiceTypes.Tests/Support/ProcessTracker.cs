using Platform.Exec;

namespace Platform.ServiceTypes.Tests.Support;

/// <summary>
/// Remembers every process a test started and, on dispose, SIGKILLs them with their sessions and descendants and reaps
/// its own children.
/// </summary>
internal sealed class ProcessTracker : IDisposable
{
    private readonly List<ChildProcess> _children = [];
    private readonly List<int> _pids = [];

    public ChildProcess Track(ChildProcess child)
    {
        lock (_children) _children.Add(child);
        return child;
    }

    public int TrackPid(int pid)
    {
        lock (_pids) _pids.Add(pid);
        return pid;
    }

    private readonly List<ServiceContext> _contexts = [];

    /// <summary>Tracks every process a context spawns (looked at on dispose).</summary>
    public ServiceContext Track(ServiceContext context)
    {
        lock (_contexts) _contexts.Add(context);
        return context;
    }

    public void Dispose()
    {
        lock (_contexts)
            foreach (var context in _contexts)
                foreach (var c in context.Spawned) Track(c);
        var roots = new List<int>(_pids);
        lock (_children) roots.AddRange(_children.ConvertAll(c => c.Pid));
        foreach (var root in roots)
            foreach (var pid in UnitProcesses.Find(root, [root]))
                using (var h = PidHandle.Open(pid)) h?.Signal(9);
        lock (_children)
            foreach (var c in _children)
                if (!c.Exited.Wait(TimeSpan.FromSeconds(10)))
                    throw new InvalidOperationException($"child {c.Pid} did not exit after SIGKILL");
    }
}
