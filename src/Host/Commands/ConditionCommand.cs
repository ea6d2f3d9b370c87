using Platform.Host.Cli;
using Platform.Host.Lifecycle.Conditions;
using Platform.Units;

namespace Platform.Host.Commands;

/// <summary>
/// Hidden <c>condition EXPRESSION...</c>: evaluates <c>Condition*=</c>/<c>Assert*=</c> expressions as a unit's start
/// would, printing what <c>systemd-analyze condition</c> prints, so a unit's conditions can be checked without
/// systemd-analyze.
/// </summary>
internal static class ConditionCommand
{
    public static int Run(HostContext ctx)
    {
        var conditions = new List<(string Key, string Value)>();
        var asserts = new List<(string Key, string Value)>();
        foreach (var expression in ctx.Options.Arguments)
        {
            var eq = expression.IndexOf('=');
            var key = eq > 0 ? expression[..eq].Trim() : "";
            var value = eq > 0 ? expression[(eq + 1)..].Trim() : "";
            var prefix = key.StartsWith("Condition", StringComparison.Ordinal)
                ? "Condition" : key.StartsWith("Assert", StringComparison.Ordinal) ? "Assert" : null;
            if (prefix is null || Array.IndexOf(ConditionCheck.Kinds, key[prefix.Length..]) < 0)
            {
                ctx.Err.WriteLine($"Cannot parse \"{expression}\".");
                return ExitCodes.Failure;
            }
            if (value.Length == 0) { (prefix == "Condition" ? conditions : asserts).Clear(); continue; }
            var bare = ConditionPaths.Bare(value);
            if (ConditionPaths.TakesPath(key[prefix.Length..]) && !bare.StartsWith('/'))
            {
                ctx.Err.WriteLine($"(cmdline): {key}= path is not absolute, ignoring: {bare}");
                continue;
            }
            (prefix == "Condition" ? conditions : asserts).Add((key, value));
        }
        // systemd keeps each list in reverse order of assignment.
        conditions.Reverse();
        asserts.Reverse();
        var check = new ConditionCheck(ctx.Under);
        var assertsHold = Report(ctx, check, asserts, "Assert", "Asserts");
        var conditionsHold = Report(ctx, check, conditions, "Condition", "Conditions");
        return assertsHold && conditionsHold ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static bool Report(HostContext ctx, ConditionCheck check, List<(string Key, string Value)> list,
        string prefix, string plural)
    {
        if (list.Count == 0) return true;
        var (holds, evaluated) = check.Evaluate(list, prefix);
        foreach (var r in evaluated)
            ctx.Err.WriteLine(r.Met is null
                ? $"test.service: Couldn't determine result for {r.Text}, assuming failed: Invalid argument"
                : $"test.service: {r.Text} {(r.Met.Value ? "succeeded" : "failed")}.");
        ctx.Err.WriteLine($"{plural} {(holds ? "succeeded" : "failed")}.");
        return holds;
    }
}
