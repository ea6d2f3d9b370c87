using System.Globalization;
using Platform.Abstractions;

namespace Platform.Host.Lifecycle;

/// <summary>The extra fields the lifecycle keeps in <see cref="UnitStatus.Extra"/> and how they are read back.</summary>
internal static class RuntimeRecord
{
    /// <summary>Session ids of every process the start spawned: what a later stop, kill or status looks at.</summary>
    public const string Sessions = "Sessions";
    /// <summary>"no" when the last start was skipped by a failed condition; the condition in <see cref="Condition"/>.</summary>
    public const string ConditionResult = "ConditionResult";
    public const string Condition = "Condition";
    public const string ConditionTimestamp = "ConditionTimestamp";
    /// <summary>"no" when the last start failed an assertion; the assertions not met in <see cref="Assert"/>.</summary>
    public const string AssertResult = "AssertResult";
    public const string Assert = "Assert";
    public const string AssertTimestamp = "AssertTimestamp";
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

    public static string Join(IEnumerable<int> pids) => string.Join(' ', pids.Select(p => p.ToString(CultureInfo.InvariantCulture)));
}
