namespace Platform.Fuzz.Engine;

/// <summary>What a run did; a finding ends the run.</summary>
internal sealed record LoopReport(string Target, long Executions, TimeSpan Elapsed, int CorpusSize, int Edges,
    string? Finding, string? FindingPath)
{
    public double ExecutionsPerSecond => Elapsed.TotalSeconds > 0 ? Executions / Elapsed.TotalSeconds : 0;

    public override string ToString()
        => $"{Target}: {Executions} execs in {Elapsed.TotalSeconds:F1} s ({ExecutionsPerSecond:F0}/s), corpus "
            + $"{CorpusSize}, edges {Edges}, "
            + (Finding is null ? "0 crashes, 0 hangs, 0 OOM" : $"FINDING {Finding} saved as {FindingPath}");
}
