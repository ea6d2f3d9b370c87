using System.Runtime.CompilerServices;

namespace Platform.Units.Tests;

/// <summary>A fact comparing with the real systemd 252 tools; skipped when they are not installed.</summary>
public sealed class DifferentialFactAttribute : FactAttribute
{
    public DifferentialFactAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!RealSystemd.Available) Skip = "the real systemctl/systemd-analyze are not installed";
    }
}
