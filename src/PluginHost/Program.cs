using Platform.Host.Plugins;

namespace Platform.PluginHost;

/// <summary>
/// The managed plugin host: the native systemctl hands it a call (same argv, environment, descriptors) when a
/// third-party plugin is installed. It runs the call exactly as the native executable would, with third-party plugin
/// folders loadable.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        PluginSearchOptions.DefaultLoader = new McMasterPluginLoader();
        // The exec helper runs once per started service and needs no plugin: the native executable starts it faster.
        if (NativeFrontEnd.Find() is { } native) AppContext.SetData(Exec.ExecHelperCommand.NativeExecutableKey, native);
        return Host.Program.Run(args, nativeFrontEnd: false);
    }
}
