namespace Platform.Testing;

/// <summary>Result of one readiness check: ready or not, and what was observed.</summary>
public readonly record struct WaitCheck(bool Ready, string Detail);
