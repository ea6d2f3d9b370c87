using System.Runtime.CompilerServices;
using Xunit;

namespace Platform.TestSupport;

/// <summary>
/// A fact that acts as a second local user (see <see cref="HostileUser"/>); skipped with the reason when not root.
/// </summary>
public sealed class HostileFactAttribute : FactAttribute
{
    public HostileFactAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (HostileUser.SkipReason is { } reason) Skip = reason;
    }
}
