using System.Runtime.CompilerServices;
using Platform.TestSupport;

namespace Platform.Init.Tests;

/// <summary>
/// A fact that needs a private cgroup2 hierarchy: skipped with the reason when not root or there is no cgroup2 mount.
/// </summary>
public sealed class ControlGroupFactAttribute : FactAttribute
{
    public ControlGroupFactAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!ControlGroupNamespace.Available)
            Skip = "needs root, a writable cgroup2 mount on the host, unshare and nsenter";
    }
}
