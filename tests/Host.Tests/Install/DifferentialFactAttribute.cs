using System.Runtime.CompilerServices;
using Platform.TestSupport;

namespace Platform.Host.Tests.Install;

/// <summary>A fact comparing our published binary with the real systemctl; skipped when either is missing.</summary>
public sealed class DifferentialFactAttribute : FactAttribute
{
    public DifferentialFactAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!RealSystemctl.Available) Skip = "the real /usr/bin/systemctl is not installed";
        else if (!PublishedExists())
            Skip = "no published systemctl: run ./test.sh (it publishes first) or set PLATFORM_PUBLISH_DIR";
    }

    internal static bool PublishedExists()
    {
        try { return File.Exists(Published.Systemctl); }
        catch (TypeInitializationException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
