using System.Reflection;

namespace Platform.Host.Tests.Plugins;

/// <summary>What this test process has loaded, to prove which plugin folders a catalog touched.</summary>
internal static class LoadedAssemblies
{
    public static List<Assembly> From(string folder)
    {
        var prefix = folder.TrimEnd('/') + "/";
        var list = new List<Assembly>();
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
            if (!assembly.IsDynamic && assembly.Location.StartsWith(prefix, StringComparison.Ordinal))
                list.Add(assembly);
        return list;
    }
}
