using System.Runtime.CompilerServices;

namespace TcpReadyNotifier.Tests;

/// <summary>A fact that needs <c>systemctl start</c>: skipped, with the reason, only while systemctl says it is not implemented.</summary>
public sealed class LifecycleFactAttribute : FactAttribute
{
    public LifecycleFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        Skip = Lifecycle.SkipReason;
    }
}
