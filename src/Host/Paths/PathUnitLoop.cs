using Platform.Abstractions;
using Platform.Host.Cli;
using Platform.Host.Lifecycle;
using Platform.Host.Lifecycle.Conditions;
using Platform.Interop;

namespace Platform.Host.Paths;

/// <summary>
/// One active path unit, served on one thread as systemd's path.c serves it: <c>waiting</c> until a watched condition
/// holds (PathExists=, PathExistsGlob=, DirectoryNotEmpty=) or a watched path changes (PathChanged=, PathModified=,
/// also its appearing or vanishing), then <c>running</c> while the triggered unit runs; when that unit is no longer
/// active the conditions are checked again (a file that still exists fires again), under
/// TriggerLimitIntervalSec=/TriggerLimitBurst= (then <c>failed</c> with <c>trigger-limit-hit</c>). The triggered unit's
/// end is seen through the status folder, which is watched on the same inotify descriptor. Who starts the unit is the
/// caller's: the init starts it itself, the detached watcher through a fresh <c>systemctl start</c>. Returns when the
/// path unit is stopped or restarted.
/// </summary>
internal sealed class PathUnitLoop(HostContext ctx, string name, string invocationId, PathSettings settings,
    Func<string, Task> startUnit) : IDisposable
{
    private readonly InotifySet _inotify = new();
    private readonly Queue<long> _triggers = new();
    private readonly bool[] _previousExists = new bool[settings.Specs.Count];
    private readonly PathConditions _conditions = new(ctx.Under);
    private volatile Task? _inFlight;
    private volatile bool _stopping;
    private bool _running;
    private int _statusWd = -1;

    private readonly TaskCompletionSource _armed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the watches are in place (or the loop ended without setting them).</summary>
    public Task Armed => _armed.Task;

    /// <summary>Asks <see cref="Run"/> to return (from another thread).</summary>
    public void Stop()
    {
        _stopping = true;
        _inotify.Wake();
    }

    public void Run()
    {
        try { Serve(); }
        finally { _armed.TrySetResult(); }
    }

    private void Serve()
    {
        var watches = new PathWatches(_inotify, settings.Specs, ctx.Under);
        var statusFolder = Path.Join(ctx.RunDirectory, "platform", "status");
        Directory.CreateDirectory(statusFolder);
        _statusWd = _inotify.Add(statusFolder, LibC.IN_CLOSE_WRITE | LibC.IN_MOVED_TO | LibC.IN_CREATE
            | LibC.IN_DELETE);
        // Armed before the first check, and said so before any record write: the starting systemctl holds the unit's
        // lock until it hears this, and events from now on wait in the descriptor.
        watches.Arm();
        PathRuntime.MarkArmed(ctx, name, invocationId);
        _armed.TrySetResult();
        if (!EnterWaiting(watches, initial: true, fromTriggerNotify: false)) return;
        while (!_stopping)
        {
            var events = _inotify.Wait();
            if (_stopping || !PathRuntime.IsCurrent(ctx.Store.Read(name), invocationId)) return;
            var changed = false;
            foreach (var (wd, mask) in events)
            {
                if (wd == _statusWd || (mask & LibC.IN_IGNORED) != 0) continue;
                var spec = watches.PrimaryOf(wd);
                if (spec >= 0 && settings.Specs[spec].IsChange) changed = true;
            }
            bool alive;
            if (changed) alive = EnterRunning(watches, FirstChange());
            else if (_running)
                alive = _inFlight is { IsCompleted: false } || UnitActive()
                    || EnterWaiting(watches, initial: false, fromTriggerNotify: true);
            else alive = EnterWaiting(watches, initial: false, fromTriggerNotify: false);
            if (!alive) return;
        }
    }

    private string FirstChange() => settings.Specs.FirstOrDefault(s => s.IsChange)?.Path ?? "";

    private bool UnitActive()
        => UnitRuntime.Read(ctx, settings.Unit).ActiveState is ActiveState.Active or ActiveState.Activating
            or ActiveState.Reloading;

    /// <summary>path_enter_waiting(); false when the unit is no longer ours to serve.</summary>
    private bool EnterWaiting(PathWatches watches, bool initial, bool fromTriggerNotify)
    {
        // The triggered unit already runs (started by hand): so do we.
        if (!fromTriggerNotify && UnitActive()) return SetState("running", watches);
        if (Good(initial, fromTriggerNotify) is { } path) return EnterRunning(watches, path);
        watches.Arm();
        // Something may have appeared between the check and the watch.
        if (Good(initial, fromTriggerNotify) is { } late) return EnterRunning(watches, late);
        return SetState("waiting", watches: null);
    }

    /// <summary>path_enter_running(): the trigger limit, then the start of the unit in the background.</summary>
    private bool EnterRunning(PathWatches watches, string path)
    {
        var now = Environment.TickCount64;
        while (_triggers.Count > 0 && now - _triggers.Peek() > settings.TriggerLimitInterval.TotalMilliseconds)
            _triggers.Dequeue();
        if (settings.TriggerLimitBurst > 0 && settings.TriggerLimitInterval > TimeSpan.Zero
            && _triggers.Count >= settings.TriggerLimitBurst)
        {
            ctx.Warn($"{name}: Trigger limit hit, refusing further activation.");
            var stamp = Clock.NowUsec();
            PathRuntime.Update(ctx, name, invocationId, s => s with
            {
                ActiveState = ActiveState.Failed, SubState = "failed", Result = "trigger-limit-hit",
                ActiveExitTimestamp = stamp, InactiveEnterTimestamp = stamp, StateChangeTimestamp = stamp,
            });
            return false;
        }
        _triggers.Enqueue(now);
        if (!SetState("running", watches)) return false;
        var start = startUnit(settings.Unit);
        _inFlight = start;
        // Its end is the moment to look at the unit again (a oneshot that already finished writes no more events).
        start.ContinueWith(_ => _inotify.Wake(), TaskScheduler.Default);
        return true;
    }

    private bool SetState(string subState, PathWatches? watches)
    {
        _running = subState == "running";
        watches?.Arm();
        var current = ctx.Store.Read(name);
        if (current?.SubState == subState) return PathRuntime.IsCurrent(current, invocationId);
        var now = Clock.NowUsec();
        return PathRuntime.Update(ctx, name, invocationId, s =>
            s with { SubState = subState, StateChangeTimestamp = now, Result = "success" });
    }

    /// <summary>path_check_good(): the first spec that holds, or null.</summary>
    private string? Good(bool initial, bool fromTriggerNotify)
    {
        string? good = null;
        for (var i = 0; i < settings.Specs.Count; i++)
        {
            var spec = settings.Specs[i];
            bool holds;
            switch (spec.Kind)
            {
                case PathKind.PathChanged or PathKind.PathModified:
                    var exists = _conditions.Test("PathExists", spec.Path) == true;
                    holds = !initial && !fromTriggerNotify && exists != _previousExists[i];
                    _previousExists[i] = exists;
                    break;
                default:
                    holds = _conditions.Test(spec.Kind.ToString(), spec.Path) == true;
                    break;
            }
            if (holds) good ??= spec.Path;
        }
        return good;
    }

    public void Dispose() => _inotify.Dispose();
}
