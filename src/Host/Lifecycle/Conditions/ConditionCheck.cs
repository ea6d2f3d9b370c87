using Platform.Abstractions;
using Platform.Units;

namespace Platform.Host.Lifecycle.Conditions;

/// <summary>
/// Evaluates a unit's <c>Condition*=</c> or <c>Assert*=</c> settings as systemd 252's condition_test_list() does:
/// every plain one must hold and, when there are <c>|</c> (triggering) ones, at least one of those; <c>!</c> negates;
/// an empty assignment drops the whole list before it. systemd keeps the list in reverse order of assignment and
/// stops at the first plain failure, so that is the order evaluated and reported here. A check that cannot be
/// decided (a bad value) fails whatever its <c>!</c>. Paths are inside the managed root.
/// </summary>
internal sealed class ConditionCheck
{
    private readonly Func<string, string> _under;

    public ConditionCheck(Func<string, string> under) => _under = under;

    /// <summary>
    /// The condition kinds of systemd 252, each usable as <c>Condition</c> or <c>Assert</c> plus the kind.
    /// </summary>
    public static readonly string[] Kinds =
    [
        "Architecture", "Firmware", "Virtualization", "Host", "KernelCommandLine", "KernelVersion", "Credential",
            "Security",
        "Capability", "ACPower", "NeedsUpdate", "FirstBoot", "PathExists", "PathExistsGlob", "PathIsDirectory",
        "PathIsSymbolicLink", "PathIsMountPoint", "PathIsReadWrite", "PathIsEncrypted", "DirectoryNotEmpty",
            "FileNotEmpty",
        "FileIsExecutable", "User", "Group", "ControlGroupController", "Memory", "CPUs", "Environment", "CPUFeature",
        "OSRelease", "MemoryPressure", "CPUPressure", "IOPressure",
    ];

    /// <summary>
    /// Empty when the conditions hold; else every one evaluated that was not met, in systemd's order.
    /// </summary>
    public IReadOnlyList<string> Failures(UnitDefinition unit, string prefix)
    {
        var items = new List<UnitSetting>();
        foreach (var s in unit.Settings)
        {
            if (s.Section != "Unit" || !s.Key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (Array.IndexOf(Kinds, s.Key[prefix.Length..]) < 0) continue;
            if (s.Value.Length == 0) { items.Clear(); continue; }
            items.Add(s);
        }
        items.Reverse();
        var (holds, evaluated) = Evaluate(items.Select(s => (s.Key, s.Value)), prefix);
        return holds ? [] : [.. evaluated.Where(r => r.Met != true).Select(r => r.Text)];
    }

    /// <summary>Evaluates <c>Key=Value</c> pairs in the order given, stopping at the first plain one not met.</summary>
    public (bool Holds, IReadOnlyList<ConditionResult> Evaluated) Evaluate(
        IEnumerable<(string Key, string Value)> conditions, string prefix)
    {
        var evaluated = new List<ConditionResult>();
        bool? triggered = null;
        foreach (var (key, raw) in conditions)
        {
            var trigger = raw.StartsWith('|');
            var negate = (trigger ? raw[1..].TrimStart(' ', '\t', '\n', '\r') : raw).StartsWith('!');
            var value = ConditionPaths.Bare(raw);
            var kind = key[prefix.Length..];
            // The loader drops a relative path ("path is not absolute, ignoring"); callers that did not load a unit get
            // the same.
            if (ConditionPaths.TakesPath(kind) && !value.StartsWith('/')) continue;
            var result = Test(kind, value);
            var text = $"{key}={(trigger ? "|" : "")}{(negate ? "!" : "")}{value}";
            var holds = result is { } r && r != negate;
            evaluated.Add(new ConditionResult(text, result is null ? null : holds));
            if (!trigger && !holds) return (false, evaluated);
            if (trigger && triggered != true) triggered = holds;
        }
        return (triggered != false, evaluated);
    }

    /// <summary>
    /// The raw test, before <c>!</c>; null when the value cannot be evaluated (systemd: "Couldn't determine result").
    /// </summary>
    public bool? Test(string kind, string value)
    {
        try
        {
            return kind switch
            {
                "PathExists" or "PathExistsGlob" or "PathIsDirectory" or "PathIsSymbolicLink" or "PathIsMountPoint"
                    or "PathIsReadWrite"
                    or "PathIsEncrypted" or "DirectoryNotEmpty" or "FileNotEmpty" or "FileIsExecutable" or "NeedsUpdate"
                    => new PathConditions(_under).Test(kind, value),
                "Memory" or "CPUs" or "CPUFeature" or "ControlGroupController" or "MemoryPressure" or "CPUPressure"
                    or "IOPressure"
                    => ResourceConditions.Test(kind, value),
                _ => new SystemConditions(_under).Test(kind, value),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException
            or OverflowException)
        {
            return null;
        }
    }
}
