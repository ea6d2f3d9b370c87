namespace Platform.Exec;

/// <summary>The result of <see cref="ProcessKiller.StopAsync"/>.</summary>
/// <param name="Result">The summary.</param>
/// <param name="Signalled">Every process that was sent a signal.</param>
/// <param name="Survivors">Unit processes still alive at the end (with KillMode=process or none, the untouched others
/// are not listed).</param>
internal sealed record KillOutcome(KillResult Result, IReadOnlyList<int> Signalled, IReadOnlyList<int> Survivors);
