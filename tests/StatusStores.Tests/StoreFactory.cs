using System.Reflection;
using System.Runtime.CompilerServices;
using Platform.Abstractions;
using Platform.StatusStores.Json;
using Platform.StatusStores.Sqlite;

namespace Platform.StatusStores.Tests;

/// <summary>Creates a store by its export name, directly or from the plugin's own build folder.</summary>
internal static class StoreFactory
{
    public static IStatusStore Create(string name) => name switch
    {
        "json" => CreateJson(),
        "sqlite" => CreateSqlite(),
        _ => throw new ArgumentException($"unknown store {name}", nameof(name)),
    };

    /// <summary>The plugin dll in the plugin project's build output, a complete plugin folder.</summary>
    public static string BuildOutputPluginDll(string name)
    {
        var key = name == "json" ? "JsonPluginBuildDll" : "SqlitePluginBuildDll";
        foreach (var attribute in typeof(StoreFactory).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
            if (attribute.Key == key) return attribute.Value!;
        throw new InvalidOperationException($"no {key} metadata in the test assembly");
    }

    // Separate methods so that, in a measuring process, each store's assembly loads only when first used.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JsonStatusStore CreateJson() => new JsonStatusStore();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SqliteStatusStore CreateSqlite() => new SqliteStatusStore();
}
