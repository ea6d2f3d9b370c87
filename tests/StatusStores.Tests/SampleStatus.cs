using Platform.Abstractions;

namespace Platform.StatusStores.Tests;

/// <summary>
/// Records for the tests: one with every field set, one with nulls, and self-checking "marked" records.
/// </summary>
internal static class SampleStatus
{
    private static readonly IReadOnlyDictionary<string, string> NoExtra = new Dictionary<string, string>();
    private static readonly string Padding = new('x', 3000);

    public static UnitStatus Full(string unit) => new()
    {
        Unit = unit,
        ActiveState = ActiveState.Deactivating,
        SubState = "stop-sigterm",
        Result = "exit-code",
        MainPid = 4242,
        MainPidStartTime = 18_446_744_073_709_551_000UL,
        ControlPid = 4343,
        ExecMainPid = 4141,
        ExecMainCode = 1,
        ExecMainStatus = 203,
        ExecMainStartTimestamp = 1_700_000_000_000_001,
        ExecMainExitTimestamp = 1_700_000_000_000_002,
        ActiveEnterTimestamp = 1_700_000_000_000_003,
        ActiveExitTimestamp = 1_700_000_000_000_004,
        InactiveExitTimestamp = 1_700_000_000_000_005,
        InactiveEnterTimestamp = 1_700_000_000_000_006,
        StateChangeTimestamp = long.MaxValue,
        StatusText = "Serving \"quoted\" requests\nsecond line, ünïcödé ✓ </script>",
        StatusErrno = -5,
        NRestarts = 7,
        NotifySocket = "/run/systemd/notify",
        BootId = "will-be-replaced-by-the-store",
        InvocationId = "0f3a9c2e4b5d46e7a8b9c0d1e2f3a4b5",
        Extra = new Dictionary<string, string>
        {
            ["platform.test.empty"] = "",
            ["platform.test.quote"] = "a \"b\" \\c",
            ["platform.test.unicode"] = "ö✓\u0001",
        },
    };

    public static UnitStatus Sparse(string unit) => new() { Unit = unit };

    /// <summary>A record whose every field derives from (writer, iteration); see <see cref="IsWhole"/>.</summary>
    public static UnitStatus Marked(string unit, int writer, int iteration)
    {
        var tag = $"{writer}:{iteration}";
        return new UnitStatus
        {
            Unit = unit,
            ActiveState = iteration % 2 == 0 ? ActiveState.Active : ActiveState.Failed,
            SubState = "sub-" + tag,
            Result = "result-" + tag,
            MainPid = writer * 1_000_000 + iteration,
            ControlPid = iteration,
            StateChangeTimestamp = iteration,
            // Large enough to span several pages, so a torn write would show.
            StatusText = "text-" + tag + Padding,
            Extra = new Dictionary<string, string> { ["test.writer"] = writer.ToString(),
                ["test.iteration"] = iteration.ToString() },
        };
    }

    /// <summary>Whether a read record is exactly one marked record; gives the writer that wrote it.</summary>
    public static bool IsWhole(UnitStatus record, out int writer)
    {
        writer = -1;
        if (!record.Extra.TryGetValue("test.writer", out var w)
            || !record.Extra.TryGetValue("test.iteration", out var i)
            || !int.TryParse(w, out var writerIndex) || !int.TryParse(i, out var iteration))
            return false;
        writer = writerIndex;
        return SameRecord(Marked(record.Unit, writerIndex, iteration) with { BootId = record.BootId }, record);
    }

    /// <summary>Field-by-field equality including the contents of <see cref="UnitStatus.Extra"/>.</summary>
    public static bool SameRecord(UnitStatus expected, UnitStatus actual)
        => expected with { Extra = NoExtra } == actual with { Extra = NoExtra }
           && expected.Extra.Count == actual.Extra.Count
           && expected.Extra.All(pair => actual.Extra.TryGetValue(pair.Key, out var v) && v == pair.Value);
}
