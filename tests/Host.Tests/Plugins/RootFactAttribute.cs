using System.Runtime.CompilerServices;
using Platform.Host.Plugins;

namespace Platform.Host.Tests.Plugins;

/// <summary>A fact that needs root (e.g. to give a file to another owner); skipped otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (PosixFile.EffectiveUserId != 0) Skip = "needs root to change file owners";
    }
}
