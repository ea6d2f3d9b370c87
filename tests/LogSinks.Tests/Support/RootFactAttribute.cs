using System.Runtime.CompilerServices;

namespace Platform.LogSinks.Tests.Support;

/// <summary>A fact that needs root (to mount a small tmpfs); skipped with the reason otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (Environment.UserName != "root") Skip = "needs root to mount a 64 KiB tmpfs as a full disk";
    }
}
