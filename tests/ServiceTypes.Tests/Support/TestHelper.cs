using System.Runtime.InteropServices;
using Platform.Exec;

namespace Platform.ServiceTypes.Tests.Support;

/// <summary>How tests start this assembly: the <c>dotnet</c> muxer plus the assembly path.</summary>
internal static class TestHelper
{
    public static string Dotnet { get; } = FindDotnet();

    public static string Assembly { get; } = typeof(TestProgram).Assembly.Location;

    /// <summary>The exec helper as the spawner should start it in tests.</summary>
    public static ExecHelperCommand ExecHelper { get; } = new(Dotnet, [Assembly]);

    public static ProcessSpawner Spawner { get; } = new(ExecHelper);

    private static string FindDotnet()
    {
        if (Environment.ProcessPath is { } p && Path.GetFileName(p) == "dotnet") return p;
        var fromRuntime = Path.GetFullPath(Path.Join(RuntimeEnvironment.GetRuntimeDirectory(), "../../../dotnet"));
        return File.Exists(fromRuntime) ? fromRuntime : "/usr/bin/dotnet";
    }
}
