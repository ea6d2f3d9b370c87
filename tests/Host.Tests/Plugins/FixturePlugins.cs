using System.Reflection;

namespace Platform.Host.Tests.Plugins;

/// <summary>
/// The fixture plugins of tests/Fixtures, built along with this project into artifacts/fixtures/CONFIG/PROJECT/.
/// Tests copy them into fresh plugin folders so every catalog loads its own copies.
/// </summary>
internal static class FixturePlugins
{
    public const string Good = "Fixture.Good";
    public const string Throwing = "Fixture.Throwing";
    public const string UsesV1 = "Fixture.UsesV1";
    public const string UsesV2 = "Fixture.UsesV2";
    public const string FutureReference = "Fixture.FutureReference";

    public static string Directory { get; } = Locate();

    /// <summary>
    /// Copies a fixture's build output (with its plugin.json) into <paramref name="destination"/>; returns the folder.
    /// </summary>
    public static string CopyTo(string project, string destination)
    {
        var source = Path.Join(Directory, project);
        if (!File.Exists(Path.Join(source, "plugin.json")))
            throw new InvalidOperationException($"fixture {project} is not built in {source}: build tests/Host.Tests");
        System.IO.Directory.CreateDirectory(destination);
        foreach (var file in System.IO.Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Join(destination, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        return destination;
    }

    private static string Locate()
    {
        foreach (var attribute in typeof(FixturePlugins).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
            if (attribute.Key == "PlatformFixtures" && attribute.Value is { } value) return value;
        throw new InvalidOperationException("the test assembly lacks the PlatformFixtures metadata");
    }
}
