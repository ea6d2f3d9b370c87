namespace Platform.Testing;

/// <summary>
/// The boot wait of <see cref="PlatformBuilder"/>: <c>systemctl is-system-running</c> answers <c>running</c> or
/// <c>degraded</c>, the two states in which the manager has finished starting (whatever failed on the way).
/// </summary>
public sealed class SystemRunningWait : IDescribedWait
{
    private readonly ExecWait inner = new(["systemctl", "is-system-running"], anyExitCode: true, "running", "degraded");

    /// <inheritdoc />
    public string Description => inner.Description;

    /// <inheritdoc />
    public string LastSeen => inner.LastSeen;

    /// <inheritdoc />
    public Task<bool> UntilAsync(DotNet.Testcontainers.Containers.IContainer container) => inner.UntilAsync(container);
}
