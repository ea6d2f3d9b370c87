using System.Runtime.CompilerServices;
using Platform.TestSupport;

namespace Platform.Host.Tests.Plugins;

/// <summary>A fact about the published install folder (test.sh publishes first); skipped when there is none.</summary>
public sealed class PublishedFactAttribute : FactAttribute
{
    public PublishedFactAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!Exists()) Skip = "no published systemctl: run ./test.sh (it publishes first) or set PLATFORM_PUBLISH_DIR";
    }

    private static bool Exists()
    {
        try { return File.Exists(Published.Systemctl); }
        catch (TypeInitializationException) { return false; }
    }
}
