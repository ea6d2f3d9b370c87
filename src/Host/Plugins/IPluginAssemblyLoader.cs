using System.Reflection;

namespace Platform.Host.Plugins;

/// <summary>
/// Loads a third-party plugin folder's assemblies into a load context of their own. Only the managed plugin host has
/// one: a NativeAOT process cannot load assemblies, so there third-party folders are handed off or skipped.
/// </summary>
public interface IPluginAssemblyLoader
{
    /// <summary>
    /// Loads <paramref name="files"/> (file names in <paramref name="folder"/>, the entry assembly first); throws what
    /// the runtime throws for a file that is not a loadable assembly.
    /// </summary>
    IReadOnlyList<Assembly> Load(string folder, IReadOnlyList<string> files);
}
