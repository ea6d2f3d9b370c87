using System.Text;
using Platform.Abstractions;

namespace Platform.Host.Output;

/// <summary>Formats <c>systemctl status</c> for one unit in systemd 252's layout.</summary>
internal static class StatusPrinter
{
    public static void Print(StatusView v, TextWriter w, long nowUsec)
    {
        var sb = new StringBuilder();
        var bullet = v.ActiveState switch { "active" or "reloading" or "activating" or "deactivating" => "●",
            "failed" => "×", _ => "○" };
        var description = v.Description ?? v.Unit.Name;
        sb.Append(bullet).Append(' ').Append(v.Unit.Name);
        if (description != v.Unit.Name) sb.Append(" - ").Append(description);
        sb.Append('\n');
        sb.Append("     Loaded: ").Append(LoadedLine(v)).Append('\n');
        if (v.Unit.DropInPaths.Count > 0) AppendDropIns(sb, [.. v.Unit.DropInPaths.Select(v.InRoot)]);
        sb.Append("     Active: ").Append(ActiveLine(v, nowUsec)).Append('\n');
        if (v.DurationUsec is { } duration)
            sb.Append("   Duration: ").Append(SystemdFormat.Timespan(duration, 1000)).Append('\n');
        AppendNotMet(sb, "  Condition: start condition failed at ", v.ConditionFailure, v.ConditionTimestampUsec,
            nowUsec);
        AppendNotMet(sb, "     Assert: start assertion failed at ", v.AssertFailure, v.AssertTimestampUsec, nowUsec);
        if (v.TimerTrigger is not null) sb.Append("    Trigger: ").Append(v.TimerTrigger).Append('\n');
        for (var i = 0; i < v.Triggers.Count; i++)
            sb.Append(i == 0 ? "   Triggers: ● " : "             ● ").Append(v.Triggers[i]).Append('\n');
        for (var i = 0; i < v.Listen.Count; i++)
            sb.Append(i == 0 ? "     Listen: " : "             ").Append(v.Listen[i]).Append('\n');
        for (var i = 0; i < v.Documentation.Count; i++)
            sb.Append(i == 0 ? "       Docs: " : "             ").Append(v.Documentation[i]).Append('\n');
        foreach (var line in v.ProcessLines)
            sb.Append("    Process: ").Append(line).Append('\n');
        if (v.MainPid > 0)
        {
            sb.Append("   Main PID: ").Append(v.MainPid);
            if (v.MainExit is { } exit) sb.Append(" (").Append(ExitText(exit)).Append(')');
            else if (v.MainPidName is not null) sb.Append(" (").Append(v.MainPidName).Append(')');
            sb.Append('\n');
        }
        if (!string.IsNullOrEmpty(v.StatusText)) sb.Append("     Status: \"").Append(v.StatusText).Append("\"\n");
        if (v.Processes.Count > 0)
        {
            sb.Append("     CGroup: ").Append(v.ControlGroup ?? v.Unit.Name).Append('\n');
            for (var i = 0; i < v.Processes.Count; i++)
                sb.Append("             ").Append(i == v.Processes.Count - 1 ? "└─" : "├─")
                  .Append(v.Processes[i].Pid).Append(' ').Append(v.Processes[i].CommandLine).Append('\n');
        }
        if (v.LogLines.Count > 0)
        {
            sb.Append('\n');
            foreach (var line in v.LogLines) sb.Append(line).Append('\n');
        }
        w.Write(sb.ToString());
    }

    /// <summary>
    /// The text systemd shows for how a process ended: <c>code=exited, status=1/FAILURE</c>, <c>code=killed,
    /// signal=TERM</c>.
    /// </summary>
    public static string ExitText(ProcessExit exit) => exit.Code switch
    {
        ProcessExit.Exited => $"code=exited, status={ExitStatusNames.Describe(exit.Status)}",
        ProcessExit.Dumped => $"code=dumped, signal={SignalName(exit.Status)}",
        _ => $"code=killed, signal={SignalName(exit.Status)}",
    };

    public static string SignalName(int signal) =>
        SignalNames.Name(signal) is var name && name.StartsWith("SIG", StringComparison.Ordinal) ? name[3..] : name;

    private static string LoadedLine(StatusView v)
    {
        var load = v.Unit.LoadState switch
        {
            UnitLoadState.Loaded => "loaded", UnitLoadState.Masked => "masked", UnitLoadState.NotFound => "not-found",
            UnitLoadState.BadSetting => "bad-setting", _ => "error",
        };
        if (v.Unit.LoadState == UnitLoadState.Masked) return "masked (Reason: Unit " + v.Unit.Name + " is masked.)";
        if (v.Unit.FragmentPath is null) return load;
        var details = new List<string> { v.InRoot(v.Unit.FragmentPath) };
        if (v.UnitFileState is not null) details.Add(v.UnitFileState);
        if (v.UnitFilePreset is not null) details.Add("preset: " + v.UnitFilePreset);
        var text = $"{load} ({string.Join("; ", details)})";
        return v.Unit.LoadError is null || v.Unit.LoadState == UnitLoadState.Loaded ? text : text + "\n             "
            + v.Unit.LoadError;
    }

    private static void AppendDropIns(StringBuilder sb, IReadOnlyList<string> dropIns)
    {
        var first = true;
        foreach (var group in dropIns.GroupBy(p => Path.GetDirectoryName(p) ?? ""))
        {
            sb.Append(first ? "    Drop-In: " : "             ").Append(group.Key).Append('\n');
            sb.Append("             └─").Append(string.Join(", ", group.Select(Path.GetFileName))).Append('\n');
            first = false;
        }
    }

    private static string ActiveLine(StatusView v, long nowUsec)
    {
        var text = v.ActiveState == "failed" ? $"failed (Result: {v.Result})" : $"{v.ActiveState} ({v.SubState})";
        if (v.StateSinceUsec > 0)
            text += $" since {SystemdFormat.Timestamp(v.StateSinceUsec)}; "
                + $"{SystemdFormat.Ago(v.StateSinceUsec, nowUsec)}";
        return text;
    }

    /// <summary>
    /// systemd's condition/assertion block: when it failed, then one line per check not met (the record holds them a
    /// line each).
    /// </summary>
    private static void AppendNotMet(StringBuilder sb, string heading, string? failures, long atUsec, long nowUsec)
    {
        if (failures is null) return;
        sb.Append(heading).Append(SystemdFormat.Timestamp(atUsec)).Append("; ")
            .Append(SystemdFormat.Ago(atUsec, nowUsec)).Append('\n');
        var failed = failures.Split('\n');
        for (var i = 0; i < failed.Length; i++)
            sb.Append("             ").Append(i == failed.Length - 1 ? "└─ " : "├─ ").Append(failed[i])
                .Append(" was not met\n");
    }
}
