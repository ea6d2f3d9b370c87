using System.Runtime.CompilerServices;
using Platform.Testing;

namespace TcpReadyNotifier.Tests;

/// <summary>A fact that needs both <c>systemctl start</c> (see <see cref="LifecycleFactAttribute"/>) and Docker with the base image (see <c>[DockerFact]</c>).</summary>
public sealed class DockerLifecycleFactAttribute : FactAttribute
{
    public DockerLifecycleFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        Skip = Lifecycle.SkipReason ?? DockerAvailability.SkipReason(BaseImages.Base);
    }
}
