namespace Platform.Host.Lifecycle;

/// <summary>
/// How one unit's job in a start or stop transaction ended, with the one-line reason systemctl prints.
/// </summary>
internal sealed record UnitJobResult(string Unit, JobResult Result, string? Message = null);
