using Platform.Abstractions;

namespace Platform.Exec;

/// <summary>
/// Stops a unit's processes per systemd.kill(5) without cgroups (see <see cref="UnitProcesses"/> for what belongs to a
/// unit): KillSignal= (then SIGHUP when SendSIGHUP=yes, then SIGCONT so stopped processes see it), wait up to
/// TimeoutStopSec= for the processes to disappear (pidfds, no polling), then FinalKillSignal= when SendSIGKILL=yes.
/// </summary>
internal static class ProcessKiller
{
    private const int SIGHUP = 1, SIGKILL = 9, SIGCONT = 18;

    /// <summary>Stops the target; <paramref name="trace"/> receives one line per step.</summary>
    public static async Task<KillOutcome> StopAsync(KillTarget target, KillSettings settings,
        Action<string>? trace = null, CancellationToken cancellationToken = default)
    {
        using var set = new HandleSet(target);
        if (settings.Mode == KillMode.None) return new KillOutcome(KillResult.NothingToKill, [], []);
        var main = set.Main;
        var wholeGroup = settings.Mode == KillMode.ControlGroup;
        var first = wholeGroup ? set.Refresh() : main is null ? [] : [main];
        if (first.Count == 0)
        {
            if (settings.Mode != KillMode.Mixed) return new KillOutcome(KillResult.NothingToKill, [], []);
            // Main already gone: the rest only ever gets the final signal.
            var rest = set.Refresh();
            if (rest.Count == 0) return new KillOutcome(KillResult.NothingToKill, [], []);
            return await FinishAsync(set, settings, rest, KillResult.Exited, trace, cancellationToken)
                .ConfigureAwait(false);
        }
        Terminate(set, first, settings, trace);
        var deadline = Deadline.After(settings.StopTimeout);
        var awaited = first;
        while (true)
        {
            if (!await WaitAsync(awaited, deadline, cancellationToken).ConfigureAwait(false))
            {
                var remaining = settings.Mode == KillMode.Process ? Alive(awaited) : set.Refresh();
                if (!settings.SendSigkill)
                {
                    trace?.Invoke("Processes remain after the stop timeout; SendSIGKILL=no leaves them");
                    return new KillOutcome(KillResult.StillAlive, [.. set.Signalled], Pids(remaining));
                }
                trace?.Invoke(
                    $"Stop timed out; sending {SignalNames.Name(settings.FinalKillSignal)} to {Describe(remaining)}");
                return await FinishAsync(set, settings, remaining, KillResult.Killed, trace, cancellationToken)
                    .ConfigureAwait(false);
            }
            if (!wholeGroup) break;
            // Processes forked while we waited: they get the same treatment.
            var newcomers = set.Refresh().FindAll(h => !set.Signalled.Contains(h.Pid));
            if (newcomers.Count == 0) break;
            Terminate(set, newcomers, settings, trace);
            awaited = newcomers;
        }
        if (settings.Mode == KillMode.Mixed && settings.SendSigkill)
        {
            var rest = set.Refresh();
            if (rest.Count > 0)
                return await FinishAsync(set, settings, rest, KillResult.Exited, trace, cancellationToken)
                .ConfigureAwait(false);
        }
        var survivors = settings.Mode == KillMode.Mixed ? Pids(set.Refresh()) : [];
        return new KillOutcome(survivors.Count == 0 ? KillResult.Exited : KillResult.StillAlive, [.. set.Signalled],
            survivors);
    }

    private static async Task<KillOutcome> FinishAsync(HandleSet set, KillSettings settings, List<PidHandle> targets,
        KillResult success,
        Action<string>? trace, CancellationToken cancellationToken)
    {
        Send(set, targets, settings.FinalKillSignal, trace);
        var deadline = Deadline.After(settings.FinalTimeout);
        var ok = await WaitAsync(targets, deadline, cancellationToken).ConfigureAwait(false);
        var survivors = Pids(Alive(targets));
        return new KillOutcome(ok && survivors.Count == 0 ? success : KillResult.StillAlive, [.. set.Signalled],
            survivors);
    }

    private static void Terminate(HandleSet set, List<PidHandle> targets, KillSettings settings, Action<string>? trace)
    {
        Send(set, targets, settings.KillSignal, trace);
        if (settings.SendSighup && settings.KillSignal != SIGHUP) Send(set, targets, SIGHUP, trace);
        if (settings.KillSignal is not SIGKILL and not SIGCONT) Send(set, targets, SIGCONT, null);
    }

    private static void Send(HandleSet set, List<PidHandle> targets, int signal, Action<string>? trace)
    {
        if (trace is not null && targets.Count > 0) trace($"Sending {SignalNames.Name(signal)} to {Describe(targets)}");
        foreach (var h in targets)
            if (h.Signal(signal)) set.Signalled.Add(h.Pid);
    }

    private static async Task<bool> WaitAsync(List<PidHandle> handles, Deadline deadline,
        CancellationToken cancellationToken)
    {
        if (handles.Count == 0) return true;
        using var cts = Deadline.Source(deadline.Remaining, cancellationToken);
        var waits = new Task[handles.Count];
        for (var i = 0; i < waits.Length; i++) waits[i] = handles[i].WaitAsync(cts.Token);
        try
        {
            await Task.WhenAll(waits).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static List<PidHandle> Alive(List<PidHandle> handles) => handles.FindAll(h => !h.HasExited);

    private static List<int> Pids(List<PidHandle> handles) => handles.ConvertAll(h => h.Pid);

    private static string Describe(List<PidHandle> handles) => "pid " + string.Join(", ", Pids(handles));
}
