using Platform.Abstractions;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Platform.Host.Plugins;

/// <summary>
/// Looks at a plugin assembly's metadata before it is loaded: is it .NET at all, and which contracts does it really
/// reference?
/// </summary>
internal static class PluginAssemblyCheck
{
    /// <summary>Why the assembly must not be loaded, or null when it looks usable.</summary>
    public static string? Problem(string path, Version hostContracts)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path)) return $"{file} not found";
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) return $"{file} is not a .NET assembly";
            var metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly) return $"{file} is not a .NET assembly";
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                if (!metadata.StringComparer.Equals(reference.Name, "Platform.Abstractions")) continue;
                if (!PluginContracts.Accepts(reference.Version, hostContracts))
                    return $"{file} was built against Platform.Abstractions {reference.Version}, this systemctl has "
                        + $"{hostContracts}";
            }
            return null;
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException)
        {
            return $"{file} is not a .NET assembly";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read {file}: {ErrorText.Describe(e)}";
        }
    }
}
