namespace Platform.Units.Tests;

/// <summary>A theory comparing with the real systemd 252 tools; skipped when they are not installed.</summary>
public sealed class DifferentialTheoryAttribute : TheoryAttribute
{
    public DifferentialTheoryAttribute()
    {
        if (!RealSystemd.Available) Skip = "the real systemctl/systemd-analyze are not installed";
    }
}
