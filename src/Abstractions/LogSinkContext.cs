namespace Platform.Abstractions;

/// <summary>What a log sink is told when it opens.</summary>
/// <param name="Root">The root folder all paths are relative to (<c>/</c>, or <c>--root</c>).</param>
/// <param name="Settings">The sink's settings from the configuration (keys without the <c>LogSink.NAME.</c>
/// prefix).</param>
/// <param name="Warn">Reports a one-line problem to the user; a sink reports each problem once.</param>
public sealed record LogSinkContext(string Root, IReadOnlyDictionary<string, string> Settings, Action<string> Warn);
