using Platform.Host.Plugins;

namespace Platform.Host.Tests.Plugins;

/// <summary>A fact that needs root (e.g. to give a file to another owner); skipped otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (PosixFile.EffectiveUserId != 0) Skip = "needs root to change file owners";
    }
}
