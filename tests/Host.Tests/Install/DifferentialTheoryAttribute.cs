using System.Runtime.CompilerServices;

namespace Platform.Host.Tests.Install;

/// <summary>A theory comparing our published binary with the real systemctl; skipped when either is missing.</summary>
public sealed class DifferentialTheoryAttribute : TheoryAttribute
{
    public DifferentialTheoryAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!RealSystemctl.Available) Skip = "the real /usr/bin/systemctl is not installed";
        else if (!DifferentialFactAttribute.PublishedExists())
            Skip = "no published systemctl: run ./test.sh (it publishes first) or set PLATFORM_PUBLISH_DIR";
    }
}
