using System.Runtime.CompilerServices;
using Platform.TestSupport;

namespace Platform.Host.Tests.Reliability;

/// <summary>
/// A theory about the published install folder (test.sh publishes first); skipped when there is none.
/// </summary>
public sealed class PublishedTheoryAttribute : TheoryAttribute
{
    public PublishedTheoryAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        try { _ = Published.Directory; }
        catch (TypeInitializationException)
        {
            Skip = "no published systemctl: run ./test.sh (it publishes first) or set PLATFORM_PUBLISH_DIR";
        }
    }
}
