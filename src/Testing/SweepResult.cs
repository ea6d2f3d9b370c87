namespace Platform.Testing;

/// <summary>How many objects a sweep removed.</summary>
public sealed record SweepResult(int Containers, int Images, int Volumes)
{
    /// <summary>Total objects removed.</summary>
    public int Total => Containers + Images + Volumes;
}
