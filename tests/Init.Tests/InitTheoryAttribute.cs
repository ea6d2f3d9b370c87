using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>A theory that needs a PID namespace: skipped with the reason when not root or unshare/nsenter are missing.</summary>
public sealed class InitTheoryAttribute : TheoryAttribute
{
    public InitTheoryAttribute()
    {
        if (!InitNamespace.Available) Skip = "needs root with unshare and nsenter to run systemctl in a PID namespace";
    }
}
