using System.Runtime.CompilerServices;
using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>
/// A theory that needs a PID namespace: skipped with the reason when not root or unshare/nsenter are missing.
/// </summary>
public sealed class InitTheoryAttribute : TheoryAttribute
{
    public InitTheoryAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!InitNamespace.Available) Skip = "needs root with unshare and nsenter to run systemctl in a PID namespace";
    }
}
