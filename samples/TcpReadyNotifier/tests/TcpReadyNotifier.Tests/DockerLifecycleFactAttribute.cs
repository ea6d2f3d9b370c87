using Platform.Testing;

namespace TcpReadyNotifier.Tests;

/// <summary>A fact that needs both <c>systemctl start</c> (see <see cref="LifecycleFactAttribute"/>) and Docker with the base image (see <c>[DockerFact]</c>).</summary>
public sealed class DockerLifecycleFactAttribute : FactAttribute
{
    /// <inheritdoc />
    public override string? Skip
    {
        get => base.Skip ?? Lifecycle.SkipReason ?? DockerAvailability.SkipReason(BaseImages.Base);
        set => base.Skip = value;
    }
}
