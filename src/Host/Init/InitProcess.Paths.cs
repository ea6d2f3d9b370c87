using System.Globalization;
using Platform.Abstractions;
using Platform.Host.Paths;

namespace Platform.Host.Init;

/// <summary>
/// Path units under the init: every active path unit in the status store gets a <see cref="PathUnitLoop"/> on a thread
/// of its own, whoever started it (paths.target at boot, or a `systemctl start x.path` from a shell, which the status
/// folder watch reports). The loop starts the triggered unit through the init's own manager, as a timer does.
/// </summary>
internal sealed partial class InitProcess
{
    private readonly Dictionary<string, (string Invocation, PathUnitLoop Loop, Thread Thread)> _pathLoops =
        new(StringComparer.Ordinal);

    private void CheckPaths()
    {
        if (_shutdown.IsCancellationRequested) return;
        foreach (var (name, entry) in _pathLoops.ToList())
            if (!entry.Thread.IsAlive) _pathLoops.Remove(name);
        foreach (var status in ctx.Store.List())
        {
            if (!status.Unit.EndsWith(".path", StringComparison.Ordinal) || status.ActiveState != ActiveState.Active
                || status.InvocationId is null) continue;
            if (_pathLoops.TryGetValue(status.Unit, out var running) && running.Invocation == status.InvocationId)
                continue;
            if (HasLiveWatcher(status)) continue;
            var definition = ctx.Units.Load(status.Unit);
            if (definition.LoadState != UnitLoadState.Loaded) continue;
            var loop = new PathUnitLoop(ctx, status.Unit, status.InvocationId, PathSettings.From(definition),
                TriggerAsync);
            var thread = new Thread(() =>
            {
                try { loop.Run(); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    ctx.Warn($"{status.Unit}: {ErrorText.DescribeWithPath(e)}");
                }
                finally { loop.Dispose(); }
            }) { IsBackground = true, Name = "path " + status.Unit };
            _pathLoops[status.Unit] = (status.InvocationId, loop, thread);
            thread.Start();
        }
    }

    /// <summary>
    /// A path unit started while no init ran keeps its detached watcher; two servers would start the unit twice.
    /// </summary>
    private static bool HasLiveWatcher(UnitStatus status)
        => status.Extra.TryGetValue(PathRuntime.WatcherKey, out var text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Platform.Exec.ProcFs.IsAlive(pid);

    private Task TriggerAsync(string unit) => Task.Run(async () =>
    {
        try { await StartAsync([unit]).ConfigureAwait(false); }
        finally { _events.Writer.TryWrite("timers"); }
    });

    private void StopPathLoops()
    {
        foreach (var entry in _pathLoops.Values) entry.Loop.Stop();
        _pathLoops.Clear();
    }

    /// <summary>
    /// daemon-reload: systemd rebuilds every unit from its files and puts an active path unit back to waiting with the
    /// new settings (path_coldplug). So every loop ends, and <see cref="CheckPaths"/> starts one per active path unit
    /// from the reloaded files (none for a unit whose file is gone); the reload is answered once their watches are set.
    /// </summary>
    private void RearmPathLoops()
    {
        var old = _pathLoops.Values.ToList();
        StopPathLoops();
        foreach (var entry in old) entry.Thread.Join(TimeSpan.FromSeconds(5));
        CheckPaths();
        foreach (var entry in _pathLoops.Values) entry.Loop.Armed.Wait(TimeSpan.FromSeconds(5));
    }
}
