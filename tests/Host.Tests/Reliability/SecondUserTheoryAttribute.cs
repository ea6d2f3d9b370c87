using System.Runtime.CompilerServices;

namespace Platform.Host.Tests.Reliability;

/// <summary>
/// A theory run as a second local user (created when missing); skipped with the reason when that is impossible.
/// </summary>
public sealed class SecondUserTheoryAttribute : TheoryAttribute
{
    public SecondUserTheoryAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (LocalTestUser.Unavailable is { } why) Skip = why;
    }
}
