namespace Platform.Fuzz.Engine;

/// <summary>What a run did; a finding ends the run.</summary>
internal sealed record LoopReport(string Target, long Executions, TimeSpan Elapsed, int CorpusSize, int Edges,
    string? Finding, string? FindingPath)
{
    /// <summary>Inputs that returned late once and in time on a rerun (a loaded machine, not a hang).</summary>
    public int LateOnce { get; init; }

    public double ExecutionsPerSecond => Elapsed.TotalSeconds > 0 ? Executions / Elapsed.TotalSeconds : 0;

    public override string ToString()
        => $"{Target}: {Executions} execs in {Elapsed.TotalSeconds:F1} s ({ExecutionsPerSecond:F0}/s), corpus "
            + $"{CorpusSize}, edges {Edges}, "
            + (Finding is null ? "0 crashes, 0 hangs, 0 OOM"
                + (LateOnce > 0 ? $" ({LateOnce} inputs late once, in time on rerun)" : "")
                : $"FINDING {Finding} saved as {FindingPath}");
}
