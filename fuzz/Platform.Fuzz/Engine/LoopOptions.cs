namespace Platform.Fuzz.Engine;

/// <summary>Limits of one in-process fuzzing run.</summary>
internal sealed record LoopOptions
{
    /// <summary>Stop after this many executions (0: no limit).</summary>
    public long Executions { get; init; }

    /// <summary>Stop after this long (zero: no limit).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>One input running longer than this is a hang.</summary>
    public TimeSpan HangAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Managed heap above this after an input is an out-of-memory finding.</summary>
    public long MemoryLimitBytes { get; init; } = 1L << 30;

    public int MaxInputLength { get; init; } = 64 * 1024;

    public int Seed { get; init; } = Environment.TickCount;

    /// <summary>Where crashing, hanging and memory-hungry inputs are saved.</summary>
    public required string FindingsDirectory { get; init; }
}
