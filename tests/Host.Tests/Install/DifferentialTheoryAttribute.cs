namespace Platform.Host.Tests.Install;

/// <summary>A theory comparing our published binary with the real systemctl; skipped when either is missing.</summary>
public sealed class DifferentialTheoryAttribute : TheoryAttribute
{
    public DifferentialTheoryAttribute()
    {
        if (!RealSystemctl.Available) Skip = "the real /usr/bin/systemctl is not installed";
        else if (!DifferentialFactAttribute.PublishedExists()) Skip = "no published systemctl: run ./test.sh (it publishes first) or set PLATFORM_PUBLISH_DIR";
    }
}
