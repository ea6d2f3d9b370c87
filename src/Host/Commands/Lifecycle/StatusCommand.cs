using System.Globalization;
using Platform.Abstractions;
using Platform.Exec;
using Platform.Host.Cli;
using Platform.Host.Commands.Show;
using Platform.Host.Journal;
using Platform.Host.Lifecycle;
using Platform.Host.Output;
using Platform.Journal;

namespace Platform.Host.Commands.Lifecycle;

/// <summary>
/// <c>status [UNIT...]</c> in systemd 252's layout; exit 0 when the (first) unit runs, 3 when not, 4 when unknown.
/// </summary>
internal static class StatusCommand
{
    public static int Run(HostContext ctx, IReadOnlyList<string> units)
    {
        if (units.Count == 0) return SystemOverview.Run(ctx);
        var code = ExitCodes.Success;
        var first = true;
        ILogReaderSource? reader = null;
        try
        {
            foreach (var name in units)
            {
                var loaded = ctx.Units.LoadUnit(name);
                var status = RuntimeState.Read(ctx, loaded.Id);
                if (loaded.Definition.LoadState == UnitLoadState.NotFound && status.ActiveState == ActiveState.Inactive
                    && status.InvocationId is null)
                {
                    ctx.Err.WriteLine($"Unit {name} could not be found.");
                    code = ExitCodes.NoSuchUnit;
                    continue;
                }
                if (!first) ctx.Out.WriteLine();
                first = false;
                reader ??= OpenReader(ctx);
                StatusPrinter.Print(View(ctx, loaded.Definition, status, reader), ctx.Out, Clock.NowUsec());
                if (code == ExitCodes.Success && status.ActiveState is not (ActiveState.Active
                    or ActiveState.Reloading))
                    code = ExitCodes.NotRunning;
            }
        }
        finally
        {
            reader?.Dispose();
        }
        return code;
    }

    private static StatusView View(HostContext ctx, UnitDefinition unit, UnitStatus status, ILogReader? reader)
    {
        var main = status.MainPid;
        var exited = main == 0 && status.ExecMainPid > 0 && status.ExecMainExitTimestamp > 0;
        var sessions = RuntimeRecord.ReadSessions(status);
        var processes = new List<(int, string)>();
        if (status.ActiveState != ActiveState.Inactive)
            foreach (var pid in UnitProcesses.Find(main, sessions, UnitControlGroup.Existing(ctx, unit),
                status.InvocationId))
                processes.Add((pid, CommandLine(pid)));
        status.Extra.TryGetValue(RuntimeRecord.Condition, out var condition);
        status.Extra.TryGetValue(RuntimeRecord.ConditionTimestamp, out var conditionTime);
        status.Extra.TryGetValue(RuntimeRecord.Assert, out var assertion);
        status.Extra.TryGetValue(RuntimeRecord.AssertTimestamp, out var assertTime);
        var lines = ctx.Options.Lines ?? 10;
        var fileState = ctx.Units.GetUnitFileState(unit.Name);
        return new StatusView
        {
            Unit = unit,
            InRoot = ctx.Units.Paths.InRoot,
            ActiveState = StateQuery.Name(status.ActiveState),
            SubState = status.SubState,
            Result = status.Result,
            UnitFileState = fileState,
            // systemd shows the preset only where enabling means something.
            UnitFilePreset = fileState is "enabled" or "disabled" or "indirect"
                ? ctx.Units.GetPresetState(unit.Name) : null,
            StateSinceUsec = status.StateChangeTimestamp,
            MainPid = exited ? status.ExecMainPid : main,
            MainPidName = main > 0 ? Comm(main) : null,
            MainExit = exited ? new ProcessExit(status.ExecMainCode, status.ExecMainStatus) : null,
            StatusText = status.StatusText,
            Description = unit.Get("Unit", "Description"),
            Documentation = unit.GetWords("Unit", "Documentation"),
            TimerTrigger = unit.Kind == "timer" ? TimerTrigger(ctx, unit, status) : null,
            Triggers = unit.LoadState != UnitLoadState.Loaded ? []
                : unit.Kind == "timer" ? [Timers.TimerSettings.From(unit).Unit]
                : unit.Kind == "socket" && Sockets.SocketSettings.From(unit) is { Accept: false } socket
                    ? [socket.Service]
                : unit.Kind == "path" ? [Paths.PathSettings.From(unit).Unit] : [],
            Listen = unit.Kind == "socket" && unit.LoadState == UnitLoadState.Loaded
                ? [.. Sockets.SocketSettings.From(unit).Listen.Select(l => $"{l.Display} ({l.Kind})")] : [],
            Processes = processes,
            ControlGroup = UnitControlGroup.Name(ctx, unit),
            LogLines = reader is null || status.InvocationId is null ? [] : JournalTail.Lines(reader, unit.Name, lines),
            ProcessLines = [.. RuntimeRecord.ReadProcesses(status)
                .Select(p => $"{p.Pid} {p.Command} ({StatusPrinter.ExitText(p.Exit)})")],
            DurationUsec = status.ActiveState is ActiveState.Inactive or ActiveState.Failed
                && status.ActiveEnterTimestamp > 0
                && status.ActiveExitTimestamp > status.ActiveEnterTimestamp
                    ? status.ActiveExitTimestamp - status.ActiveEnterTimestamp : null,
            ConditionFailure = condition,
            ConditionTimestampUsec = long.TryParse(conditionTime, NumberStyles.None, CultureInfo.InvariantCulture,
                out var t) ? t : 0,
            AssertFailure = assertion,
            AssertTimestampUsec = long.TryParse(assertTime, NumberStyles.None, CultureInfo.InvariantCulture, out var at)
                ? at : 0,
        };
    }

    /// <summary>systemd's "Trigger:" value: the next elapse and the time left, or n/a.</summary>
    private static string TimerTrigger(HostContext ctx, UnitDefinition unit, UnitStatus status)
    {
        var now = Clock.NowUsec();
        if (status.ActiveState != ActiveState.Active || unit.LoadState != UnitLoadState.Loaded) return "n/a";
        return Timers.TimerRuntime.Schedule(ctx, unit, status, now).Due is { } due
            ? $"{SystemdFormat.Timestamp(due)}; {RelativeTime.Format(due, now)}" : "n/a";
    }

    /// <summary>The file log sink's reader, as journalctl reads it; null when it is not installed.</summary>
    private static ILogReaderSource? OpenReader(HostContext ctx)
        => ctx.Options.Lines == 0 ? null : JournalReaderFactory.Open(ctx.Plugins, ctx.Config, ctx.RootOrSlash);

    internal static string? Comm(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n'); }
        catch (IOException) { return null; }
    }

    internal static string CommandLine(int pid)
    {
        try
        {
            var raw = File.ReadAllText($"/proc/{pid}/cmdline").TrimEnd('\0').Replace('\0', ' ');
            return raw.Length > 0 ? raw : $"[{Comm(pid)}]";
        }
        catch (IOException) { return "?"; }
    }
}
