using System.Reflection;

namespace Platform.Host.Plugins;

/// <summary>
/// One plugin linked into this executable: its assembly's name (its manifest is embedded in the host as
/// <c>plugins/NAME.json</c>) and how to reach the assembly, which a managed host only loads when an export is asked
/// for.
/// </summary>
public sealed record BuiltInPlugin(string AssemblyName, Func<Assembly> Assembly)
{
    /// <summary>The plugin's <c>plugin.json</c>, as the host embeds it.</summary>
    public byte[] ReadManifest()
    {
        using var stream = typeof(BuiltInPlugin).Assembly.GetManifestResourceStream($"plugins/{AssemblyName}.json");
        if (stream is null) return [];
        var json = new byte[stream.Length];
        stream.ReadExactly(json);
        return json;
    }
}
