using System.Runtime.CompilerServices;

namespace Platform.Host.Tests.Conditions;

/// <summary>
/// A theory comparing with the machine's systemd-analyze (systemd 252); skipped when it is not installed.
/// </summary>
public sealed class AnalyzeTheoryAttribute : TheoryAttribute
{
    public const string Analyze = "/usr/bin/systemd-analyze";

    public AnalyzeTheoryAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!File.Exists(Analyze)) Skip = "systemd-analyze is not installed";
    }
}
