using System.Runtime.CompilerServices;

namespace Platform.Units.Tests;

/// <summary>
/// A theory that reads systemd 252's own unit files; skipped with the reason when the package is not installed.
/// </summary>
public sealed class SystemdUnitsTheoryAttribute : TheoryAttribute
{
    public SystemdUnitsTheoryAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!File.Exists("/lib/systemd/system/basic.target"))
            Skip = "systemd's unit files are not installed in /lib/systemd/system";
    }
}
