using System.Runtime.InteropServices;
using System.Threading.Channels;
using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;
using Platform.Host.Journal;
using Platform.Host.Lifecycle;
using Platform.Interop;
using Platform.Journal;

namespace Platform.Host.Init;

/// <summary>
/// The init: starts the wanted units, then sleeps until a signal arrives. SIGCHLD reaps zombies and settles the
/// unit whose main process ended (restarting it per Restart=); a change in the status folder adopts units started
/// by other systemctl processes (their notify sockets); SIGTERM/SIGINT stop everything in reverse order and exit.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001",
    Justification = "The init lives until its process exits; timers may still read the shutdown token after RunAsync.")]
internal sealed partial class InitProcess(HostContext ctx, InitState state)
{
    private readonly Channel<string> _events = Channel.CreateUnbounded<string>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, NotifyMonitor> _monitors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _watchdogFired = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _starts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(int Pid, ProcessExit Exit)> _reapedByWaiters =
        new();
    private UnitManager _manager = null!;
    private int _terms;

    public async Task<int> RunAsync(IReadOnlyList<string> units)
    {
        if (Environment.ProcessId != 1) LibC.BecomeSubreaper();
        state.Begin();
        ChildProcess.Reaped += (pid, exit) =>
            { _reapedByWaiters.Enqueue((pid, exit)); _events.Writer.TryWrite("chld"); };
        var childSignals = ChildSignals.OpenSignalFd();
        new Thread(() => { while (ChildSignals.Wait(childSignals)) _events.Writer.TryWrite("chld"); })
            { IsBackground = true, Name = "sigchld" }.Start();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; Terminate(); });
        using var intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; Terminate(); });
        // daemon-reload (SIGHUP, as for systemd's PID 1): the default action would end the init.
        using var hup = PosixSignalRegistration.Create(PosixSignal.SIGHUP,
            c => { c.Cancel = true; _events.Writer.TryWrite("reload"); });
        RunGenerators();
        using var pumpStop = new CancellationTokenSource();
        var sinks = InternalModes.OpenConfiguredSinks(ctx.RootOrSlash, ctx.Warn);
        var pump = JournalDaemon.RunInProcessAsync(ctx.RootOrSlash, sinks, pumpStop.Token,
            unitOfPid: PeerUnitResolver.For(ctx.RootOrSlash));
        // Services started before the pump listens would start a detached pump of their own.
        var socket = JournalPaths.Socket(ctx.RootOrSlash);
        for (var i = 0; i < 200 && !pump.IsCompleted && !JournalStreamClient.IsListening(socket); i++)
            await Task.Delay(10).ConfigureAwait(false);
        _manager = new UnitManager(ctx);
        using var watcher = WatchStatusFolder();
        OpenActivation();
        try
        {
            state.Publish("starting");
            // Only a real boot (this init is PID 1 of its namespace) starts sysinit.target and the rest of the boot
            // set.
            await StartAsync(units, boot: Environment.ProcessId == 1).ConfigureAwait(false);
            Reap();
            await RescanAsync().ConfigureAwait(false);
            CheckTimers();
            CheckPaths();
            state.Publish(Degraded() ? "degraded" : "running");
            // The boot's garbage (unit files, plans, job records) is all an idle init would otherwise keep resident.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            await EventLoopAsync().ConfigureAwait(false);
            state.Publish("stopping");
            StopPathLoops();
            await StopEverythingAsync().ConfigureAwait(false);
            return 0;
        }
        finally
        {
            CloseActivation();
            foreach (var monitor in _monitors.Values) monitor.Dispose();
            pumpStop.Cancel();
            try { await pump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false); }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException) { }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException
                or System.Net.Sockets.SocketException)
            {
                ctx.Warn($"The log pump could not run: {ErrorText.Describe(e)}");
            }
            foreach (var sink in sinks) sink.Dispose();
            state.End();
        }
    }

    private async Task StartAsync(IReadOnlyList<string> units, bool boot = false)
    {
        IReadOnlyList<UnitJobResult> results;
        // A start that cannot even be attempted (an unbreakable cycle, a broken plugin) must not take PID 1 down.
        try { results = await _manager.StartAsync(units, _shutdown.Token, boot).ConfigureAwait(false); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ctx.Warn($"Failed to start {string.Join(' ', units)}: {ErrorText.Describe(e)}");
            return;
        }
        foreach (var result in results)
        {
            if (result.Result is JobResult.Done or JobResult.Skipped) continue;
            ctx.Warn($"Failed to start {result.Unit}: {result.Result.ToString().ToLowerInvariant()}");
            // A service that fails before it is ready (its main process died, READY=1 never came, a timeout) is
            // restarted by Restart= just as one that fails later (systemd's service_enter_dead).
            if (result.Result is JobResult.Failed or JobResult.Timeout
                && ctx.Units.Load(result.Unit) is { Kind: "service" } definition
                && ctx.Store.Read(result.Unit) is { ActiveState: ActiveState.Failed } failed
                && RestartPolicy.ShouldRestart(definition, LastExit(failed), failed.Result))
                ScheduleRestart(definition);
        }
    }

    private static ProcessExit LastExit(UnitStatus status) => status.ExecMainCode switch
    {
        ProcessExit.Killed or ProcessExit.Dumped =>
            ProcessExit.FromSignal(status.ExecMainStatus, status.ExecMainCode == ProcessExit.Dumped),
        _ => ProcessExit.FromExitStatus(status.ExecMainStatus == 0 && status.Result != "success"
            ? 1 : status.ExecMainStatus),
    };

    private async Task EventLoopAsync()
    {
        var reader = _events.Reader;
        while (!_shutdown.IsCancellationRequested)
        {
            string item;
            try { item = await reader.ReadAsync(_shutdown.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { break; }
            if (item == "chld") await OnChildrenAsync().ConfigureAwait(false);
            else if (item == "scan") await RescanAsync().ConfigureAwait(false);
            else if (item == "reload") Reload();
            else if (item.StartsWith("restart:", StringComparison.Ordinal))
                await RestartAsync(item[8..]).ConfigureAwait(false);
            else if (item.StartsWith("activate:", StringComparison.Ordinal)) Activate(item[9..]);
            // Any of these may have started or stopped a timer or ended a timer's unit.
            if (item is "chld" or "scan" or "timers" or "reload") CheckTimers();
            if (item is "scan" or "reload") CheckPaths();
            if (ctx.Options.ExitWhenIdle && !AnyRunning()) break;
        }
    }

    private void Terminate()
    {
        if (Interlocked.Increment(ref _terms) == 1) _shutdown.Cancel();
        else KillEverything();
    }

    private async Task OnChildrenAsync()
    {
        var exits = ZombieReaper.ReapUnowned();
        while (_reapedByWaiters.TryDequeue(out var waited)) exits.Add(waited);
        foreach (var (pid, exit) in exits)
        {
            if (_manager.FindUnitByPid(pid) is not { } unit) continue;
            var settled = await _manager.MainProcessExitedAsync(unit, pid, exit, CancellationToken.None)
                .ConfigureAwait(false);
            if (settled is null) continue;
            var definition = ctx.Units.Load(unit);
            var watchdog = _watchdogFired.Remove(unit);
            var result = watchdog ? "watchdog" : settled.Result;
            if (watchdog)
                ctx.Store.Write(settled with { ActiveState = ActiveState.Failed, SubState = "failed",
                Result = "watchdog" });
            if (RestartPolicy.ShouldRestart(definition, exit, result)) ScheduleRestart(definition);
        }
        if (!_shutdown.IsCancellationRequested) state.Publish(Degraded() ? "degraded" : "running");
    }

    private void Reap() => _events.Writer.TryWrite("chld");

    private void ScheduleRestart(UnitDefinition unit)
    {
        var delay = RestartPolicy.Delay(unit);
        // While RestartSec= runs the unit is activating/auto-restart, as systemd shows it (not failed).
        if (ctx.Store.Read(unit.Name) is { } current)
            ctx.Store.Write(current with { ActiveState = ActiveState.Activating, SubState = "auto-restart",
                StateChangeTimestamp = Clock.NowUsec() });
        _ = Task.Delay(Deadline.ForTimer(delay), _shutdown.Token)
            .ContinueWith(t => { if (!t.IsCanceled) _events.Writer.TryWrite("restart:" + unit.Name); },
            TaskScheduler.Default);
    }

    private async Task RestartAsync(string unit)
    {
        var definition = ctx.Units.Load(unit);
        var (interval, burst) = RestartPolicy.StartLimit(definition);
        var now = Environment.TickCount64;
        var starts = _starts.TryGetValue(unit, out var list) ? list : _starts[unit] = [];
        starts.RemoveAll(t => now - t > interval.TotalMilliseconds);
        var status = ctx.Store.Read(unit) ?? new UnitStatus { Unit = unit };
        // Stopped, reset or started by someone else while RestartSec= ran: the restart is off.
        if (status.SubState != "auto-restart") return;
        if (burst > 0 && interval > TimeSpan.Zero && starts.Count >= burst)
        {
            ctx.Warn($"{unit}: Start request repeated too quickly.");
            ctx.Store.Write(status with { ActiveState = ActiveState.Failed, SubState = "failed",
                Result = "start-limit-hit" });
            return;
        }
        starts.Add(now);
        ctx.Store.Write(status with { NRestarts = status.NRestarts + 1 });
        await StartAsync([unit]).ConfigureAwait(false);
        await RescanAsync().ConfigureAwait(false);
    }

    private bool AnyRunning()
        => ctx.Store.List().Any(s =>
            s.ActiveState is ActiveState.Active or ActiveState.Activating or ActiveState.Reloading
            or ActiveState.Deactivating
            && (s.MainPid > 0 || ctx.Units.Load(s.Unit).Kind == "service"));

    private bool Degraded() => ctx.Store.List().Any(s => UnitRuntime.Effective(s).ActiveState == ActiveState.Failed);
}
