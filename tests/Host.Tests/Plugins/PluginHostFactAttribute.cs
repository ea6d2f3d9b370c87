using System.Runtime.CompilerServices;
using Platform.TestSupport;

namespace Platform.Host.Tests.Plugins;

/// <summary>A fact about the published native systemctl together with the managed plugin host add-on.</summary>
public sealed class PluginHostFactAttribute : FactAttribute
{
    public PluginHostFactAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (Published.PluginHost is null)
            Skip = "no published plugin host: run ./test.sh (it publishes artifacts/plugin-host) or set "
                + "PLATFORM_PLUGIN_HOST";
    }
}
