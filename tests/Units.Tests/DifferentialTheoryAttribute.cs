using System.Runtime.CompilerServices;

namespace Platform.Units.Tests;

/// <summary>A theory comparing with the real systemd 252 tools; skipped when they are not installed.</summary>
public sealed class DifferentialTheoryAttribute : TheoryAttribute
{
    public DifferentialTheoryAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!RealSystemd.Available) Skip = "the real systemctl/systemd-analyze are not installed";
    }
}
