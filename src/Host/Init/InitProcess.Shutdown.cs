using Platform.Abstractions;
using Platform.Exec;
using Platform.Interop;

namespace Platform.Host.Init;

/// <summary>Adoption of units started elsewhere, and the shutdown path.</summary>
internal sealed partial class InitProcess
{
    /// <summary>
    /// Status changes made by any systemctl land in the status folder: inotify tells us (no polling), and a short
    /// pause lets a burst of writes from one transaction settle into one rescan.
    /// </summary>
    private FileSystemWatcher? WatchStatusFolder()
    {
        var folder = Path.Join(ctx.RunDirectory, "platform", "status");
        Directory.CreateDirectory(folder);
        var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite };
        var pending = 0;
        void Changed(object? sender, FileSystemEventArgs e)
        {
            if (Interlocked.Exchange(ref pending, 1) == 1) return;
            _ = Task.Delay(150).ContinueWith(_ =>
            {
                Volatile.Write(ref pending, 0);
                _events.Writer.TryWrite("scan");
            }, TaskScheduler.Default);
        }
        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Renamed += (s, e) => Changed(s, e);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>
    /// Serves the notify socket of every running unit that has one; drops monitors of units that ended or restarted.
    /// </summary>
    private Task RescanAsync()
    {
        var active = new Dictionary<string, UnitStatus>(StringComparer.Ordinal);
        foreach (var status in ctx.Store.List())
            if (status.ActiveState is ActiveState.Active or ActiveState.Reloading or ActiveState.Activating
                && status.NotifySocket is not null)
                active[status.Unit] = status;
        foreach (var (unit, monitor) in _monitors.ToList())
            if (!active.TryGetValue(unit, out var status) || status.InvocationId != monitor.InvocationId)
            {
                monitor.Dispose();
                _monitors.Remove(unit);
            }
        foreach (var (unit, status) in active)
        {
            // Still activating: the starting systemctl owns the socket until the start is decided.
            if (_monitors.ContainsKey(unit) || status.ActiveState == ActiveState.Activating) continue;
            try
            {
                _monitors[unit] = new NotifyMonitor(ctx, ctx.Units.Load(unit), status.InvocationId,
                    u => { lock (_watchdogFired) _watchdogFired.Add(u); });
            }
            catch (Exception e) when (e is IOException or ServiceStartException or UnauthorizedAccessException)
            {
                ctx.Warn($"{unit}: cannot serve its notify socket: {ErrorText.Describe(e)}");
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops every unit in reverse dependency order within the grace period, then kills what is left.
    /// </summary>
    private async Task StopEverythingAsync()
    {
        foreach (var monitor in _monitors.Values) monitor.Dispose();
        _monitors.Clear();
        var grace = ctx.Config.Get("InitStopGraceSec") is { } text && SystemdValues.TryParseTimeSpan(text, out var g)
            ? g : SystemdValues.DefaultTimeout;
        using var limit = Deadline.Source(grace);
        var stopping = _manager.StopAllAsync(limit.Token);
        var reaping = ReapWhileAsync(stopping);
        try { await stopping.WaitAsync(Deadline.ForTimer(grace)).ConfigureAwait(false); }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            ctx.Warn("Stopping took longer than the grace period; killing what is left.");
        }
        KillEverything();
        await reaping.ConfigureAwait(false);
        ZombieReaper.ReapUnowned();
    }

    /// <summary>Keeps reaping (the stop jobs' main processes are our children) until the stop finishes.</summary>
    private async Task ReapWhileAsync(Task until)
    {
        var reader = _events.Reader;
        while (!until.IsCompleted)
        {
            var next = reader.WaitToReadAsync().AsTask();
            await Task.WhenAny(next, until).ConfigureAwait(false);
            while (reader.TryRead(out _)) ZombieReaper.ReapUnowned();
        }
    }

    /// <summary>
    /// SIGKILL for every process that is ours: all of the namespace as PID 1; otherwise (the subreaper mode of
    /// <c>systemctl -1</c> run as an ordinary process) only our own descendants, which is where the units we started
    /// and their orphans live. The sweep must never start from PID 1 there: its descendants are the whole machine.
    /// </summary>
    private void KillEverything()
    {
        var self = Environment.ProcessId;
        var all = ProcFs.All();
        var ours = self == 1 ? all.ConvertAll(p => p.Pid) : ProcFs.Descendants(self, all);
        foreach (var pid in ours)
            // ESRCH: it exited meanwhile, which is what we want.
            if (pid != self && pid != 1 && LibC.Kill(pid, LibC.SIGKILL) is not (0 or LibC.ESRCH) and var errno)
                ctx.Warn($"Failed to kill process {pid}: {LibC.StrError(errno)}");
    }
}
