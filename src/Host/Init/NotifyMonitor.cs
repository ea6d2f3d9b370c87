using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;
using Platform.Host.Lifecycle;
using Platform.Interop;

namespace Platform.Host.Init;

/// <summary>
/// Serves one running unit's notify socket while init runs (the systemctl that started it has exited):
/// late <c>STATUS=</c>, <c>RELOADING=1</c>/<c>READY=1</c>, <c>STOPPING=1</c>, <c>MAINPID=</c> and <c>ERRNO=</c> land in
/// the unit's status; <c>WATCHDOG=1</c> pushes the watchdog deadline, and a missed deadline sends WatchdogSignal=.
/// </summary>
internal sealed class NotifyMonitor : IDisposable
{
    private readonly HostContext _ctx;
    private readonly UnitDefinition _unit;
    private readonly INotifyEndpoint _endpoint;
    private readonly CancellationTokenSource _stop = new();
    private readonly Action<string> _watchdogFired;
    private readonly TimeSpan? _watchdog;
    private long _watchdogDeadline;

    public NotifyMonitor(HostContext ctx, UnitDefinition unit, string? invocationId, Action<string> watchdogFired)
    {
        _ctx = ctx;
        _unit = unit;
        InvocationId = invocationId;
        _watchdogFired = watchdogFired;
        _endpoint = NotifyEndpoints.Create(ctx, unit);
        var watchdog = unit.GetTimeSpan("Service", "WatchdogSec");
        _watchdog = watchdog is { } w && w > TimeSpan.Zero && !Deadline.IsInfinite(w) ? w : null;
        _watchdogDeadline = Environment.TickCount64 + (long)(_watchdog?.TotalMilliseconds ?? 0);
        _ = Task.Run(ReceiveLoopAsync);
        if (_watchdog is not null) _ = Task.Run(WatchdogLoopAsync);
    }

    /// <summary>The invocation this monitor serves; a new start (new socket) needs a new monitor.</summary>
    public string? InvocationId { get; }

    private async Task ReceiveLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            NotifyMessage? message;
            try { message = await _endpoint.ReceiveAsync(_stop.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            if (message is null) continue;
            if (message.Watchdog)
                Interlocked.Exchange(ref _watchdogDeadline, Environment.TickCount64
                + (long)(_watchdog?.TotalMilliseconds ?? 0));
            if (message.WatchdogTrigger) FireWatchdog();
            if (message.Status is null && !message.Ready && !message.Reloading && !message.Stopping
                && message.MainPid is null && message.Errno is null) continue;
            try { Apply(message); }
            catch (Exception e) when (e is IOException or TimeoutException)
            {
                _ctx.Warn($"{_unit.Name}: notify message not applied: {ErrorText.Describe(e)}");
            }
        }
    }

    private void Apply(NotifyMessage message)
    {
        if (_unit.Get("Service", "NotifyAccess") == "none") return;
        using var held = UnitLock.Acquire(_ctx.ManagerRunDirectory, _unit.Name, TimeSpan.FromSeconds(30));
        var status = _ctx.Store.Read(_unit.Name);
        if (status is null || status.InvocationId != InvocationId) return;
        // A message that waited for the lock while a stop ran (redis sends STOPPING=1 on SIGTERM) must not revive
        // the ended unit's state.
        if (status.ActiveState is ActiveState.Inactive or ActiveState.Failed) return;
        var now = Clock.NowUsec();
        if (message.Status is { } text) status = status with { StatusText = text };
        if (message.Errno is { } errno) status = status with { StatusErrno = errno };
        if (message.MainPid is { } pid && pid != status.MainPid)
        {
            if (MainPidRule.Refusal(pid, status.MainPid, RuntimeRecord.ReadSessions(status), message.SenderPid,
                message.SenderUid) is { } refusal)
                _ctx.Warn($"{_unit.Name}: {refusal}");
            else status = status with { MainPid = pid, ExecMainPid = pid,
                MainPidStartTime = ProcFs.StartTime(pid) ?? 0 };
        }
        if (message.Reloading)
            status = status with { ActiveState = ActiveState.Reloading, SubState = "reload",
            StateChangeTimestamp = now };
        else if (message.Ready && status.ActiveState == ActiveState.Reloading)
            status = status with { ActiveState = ActiveState.Active, SubState = "running", StateChangeTimestamp = now };
        if (message.Stopping)
            status = status with { ActiveState = ActiveState.Deactivating, SubState = "stop-sigterm",
            StateChangeTimestamp = now };
        _ctx.Store.Write(status);
    }

    private async Task WatchdogLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var wait = Interlocked.Read(ref _watchdogDeadline) - Environment.TickCount64;
            if (wait <= 0)
            {
                FireWatchdog();
                return;
            }
            try { await Task.Delay(TimeSpan.FromMilliseconds(wait), _stop.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>
    /// A missed ping: the main process gets WatchdogSignal= (SIGABRT); the reaper then records result <c>watchdog</c>.
    /// </summary>
    private void FireWatchdog()
    {
        var status = _ctx.Store.Read(_unit.Name);
        if (status is null || status.MainPid <= 0 || status.InvocationId != InvocationId) return;
        _ctx.Warn($"{_unit.Name}: Watchdog timeout (limit {_watchdog?.TotalSeconds}s)!");
        _watchdogFired(_unit.Name);
        var signal = SignalNames.TryParse(_unit.Get("Service", "WatchdogSignal"), out var s) ? s : 6;
        if (LibC.Kill(status.MainPid, signal) is not (0 or LibC.ESRCH) and var errno)
            _ctx.Warn($"{_unit.Name}: Failed to send {SignalNames.Name(signal)}: {LibC.StrError(errno)}");
    }

    public void Dispose()
    {
        _stop.Cancel();
        _endpoint.Dispose();
        _stop.Dispose();
    }
}
