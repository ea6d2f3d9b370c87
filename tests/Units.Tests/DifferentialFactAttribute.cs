namespace Platform.Units.Tests;

/// <summary>A fact comparing with the real systemd 252 tools; skipped when they are not installed.</summary>
public sealed class DifferentialFactAttribute : FactAttribute
{
    public DifferentialFactAttribute()
    {
        if (!RealSystemd.Available) Skip = "the real systemctl/systemd-analyze are not installed";
    }
}
