using System.Globalization;
using Platform.Abstractions;

namespace Platform.Host.Lifecycle;

/// <summary>
/// The extra fields the lifecycle keeps in <see cref="UnitStatus.Extra"/> and how they are read back.
/// </summary>
internal static class RuntimeRecord
{
    /// <summary>Session ids of every process the start spawned: what a later stop, kill or status looks at.</summary>
    public const string Sessions = "Sessions";
    /// <summary>
    /// "no" when the last start was skipped by a failed condition; the condition in <see cref="Condition"/>.
    /// </summary>
    public const string ConditionResult = "ConditionResult";
    public const string Condition = "Condition";
    public const string ConditionTimestamp = "ConditionTimestamp";
    /// <summary>"no" when the last start failed an assertion; the assertions not met in <see cref="Assert"/>.</summary>
    public const string AssertResult = "AssertResult";
    public const string Assert = "Assert";
    public const string AssertTimestamp = "AssertTimestamp";
    /// <summary>
    /// The control commands of this invocation (ExecStartPre=, ExecStop=, ...) for <c>status</c>'s "Process:" lines:
    /// one line each, <c>PID TAB SETTING=COMMAND TAB CODE TAB STATUS</c>.
    /// </summary>
    public const string Processes = "Processes";
    /// <summary>Start times (µs) of recent starts, for StartLimitBurst= (init).</summary>
    public const string StartTimes = "StartTimes";

    public static IReadOnlyList<int> ReadSessions(UnitStatus status)
    {
        var list = new List<int>();
        if (status.Extra.TryGetValue(Sessions, out var text))
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) list.Add(pid);
        return list;
    }

    public static Dictionary<string, string> With(UnitStatus status, string key, string? value)
    {
        var extra = new Dictionary<string, string>(status.Extra);
        if (value is null) extra.Remove(key);
        else extra[key] = value;
        return extra;
    }

    /// <summary>Appends control-command lines to <see cref="Processes"/>.</summary>
    public static Dictionary<string, string> WithProcesses(UnitStatus status, IReadOnlyList<string> lines)
    {
        var existing = status.Extra.TryGetValue(Processes, out var text) && text.Length > 0 ? text + "\n" : "";
        return With(status, Processes, existing + string.Join('\n', lines));
    }

    /// <summary>The recorded control commands as (pid, SETTING=COMMAND, exit).</summary>
    public static IReadOnlyList<(int Pid, string Command, ProcessExit Exit)> ReadProcesses(UnitStatus status)
    {
        var list = new List<(int, string, ProcessExit)>();
        if (!status.Extra.TryGetValue(Processes, out var text)) return list;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split('\t');
            if (f.Length == 4 && int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                && int.TryParse(f[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var st))
                list.Add((pid, f[1], new ProcessExit(code, st)));
        }
        return list;
    }

    /// <summary>One <see cref="Processes"/> line.</summary>
    public static string ProcessLine(int pid, string setting, ExecCommand command, ProcessExit exit)
    {
        var words = string.Join(' ', new[] { command.Path }.Concat(command.Arguments.Skip(1))).Replace('\t', ' ')
            .Replace('\n', ' ');
        return string.Create(CultureInfo.InvariantCulture, $"{pid}\t{setting}={words}\t{exit.Code}\t{exit.Status}");
    }

    public static string Join(IEnumerable<int> pids) =>
        string.Join(' ', pids.Select(p => p.ToString(CultureInfo.InvariantCulture)));
}
