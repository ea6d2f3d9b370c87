namespace TcpReadyNotifier.Tests;

/// <summary>A fact that needs <c>systemctl start</c>: skipped, with the reason, only while systemctl says it is not implemented.</summary>
public sealed class LifecycleFactAttribute : FactAttribute
{
    /// <inheritdoc />
    public override string? Skip
    {
        get => base.Skip ?? Lifecycle.SkipReason;
        set => base.Skip = value;
    }
}
