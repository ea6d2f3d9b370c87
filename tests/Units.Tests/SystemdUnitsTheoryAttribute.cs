namespace Platform.Units.Tests;

/// <summary>A theory that reads systemd 252's own unit files; skipped with the reason when the package is not installed.</summary>
public sealed class SystemdUnitsTheoryAttribute : TheoryAttribute
{
    public SystemdUnitsTheoryAttribute()
    {
        if (!File.Exists("/lib/systemd/system/basic.target")) Skip = "systemd's unit files are not installed in /lib/systemd/system";
    }
}
