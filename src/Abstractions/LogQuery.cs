namespace Platform.Abstractions;

/// <summary>Which records a <see cref="ILogReader"/> should return; every filter is optional.</summary>
public sealed record LogQuery
{
    /// <summary>Only these units (exact names); empty means all.</summary>
    public IReadOnlyList<string> Units { get; init; } = [];
    /// <summary>Only records at or after this time (µs since the epoch).</summary>
    public long? SinceUsec { get; init; }
    /// <summary>Only records at or before this time (µs since the epoch).</summary>
    public long? UntilUsec { get; init; }
    /// <summary>Only records with a priority at most this (more important or equal).</summary>
    public int? MaxPriority { get; init; }
}
