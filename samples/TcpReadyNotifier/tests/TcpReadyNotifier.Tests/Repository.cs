namespace TcpReadyNotifier.Tests;

/// <summary>Where the sample's sources and the published systemctl are.</summary>
internal static class Repository
{
    /// <summary>The sample's plugin project, found above the test binaries.</summary>
    public static string PluginProject { get; } = FindUpwards(Path.Join("src", "TcpReadyNotifier", "TcpReadyNotifier.csproj"))
        ?? throw new InvalidOperationException("src/TcpReadyNotifier/TcpReadyNotifier.csproj not found above " + AppContext.BaseDirectory);

    /// <summary>
    /// The published systemctl: <c>$PLATFORM_PUBLISH_DIR/systemctl</c>, else <c>artifacts/publish/systemctl</c> of the Platform
    /// checkout around the sample (made by <c>./test.sh</c> or <c>dotnet publish src/Host -c Release -o artifacts/publish</c>).
    /// </summary>
    public static string Systemctl => Path.Join(PublishDirectory, "systemctl");

    /// <summary>The folder holding the published systemctl (see <see cref="Systemctl"/>).</summary>
    public static string PublishDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("PLATFORM_PUBLISH_DIR") is { Length: > 0 } dir) return dir;
            return FindUpwards(Path.Join("artifacts", "publish", "systemctl")) is { } found ? Path.GetDirectoryName(found)! : "artifacts/publish (not found)";
        }
    }

    /// <summary>
    /// The managed plugin host add-on, which loads third-party plugins for the native systemctl: the folder of
    /// <c>$PLATFORM_PLUGIN_HOST</c>, else <c>artifacts/plugin-host</c> of the Platform checkout (made by <c>./test.sh</c> or
    /// <c>dotnet publish src/PluginHost -c Release -o artifacts/plugin-host</c>).
    /// </summary>
    public static string PluginHostDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("PLATFORM_PLUGIN_HOST") is { Length: > 0 } host) return Path.GetDirectoryName(host)!;
            return FindUpwards(Path.Join("artifacts", "plugin-host", "systemctl-plugin-host")) is { } found ? Path.GetDirectoryName(found)! : "artifacts/plugin-host (not found)";
        }
    }

    private static string? FindUpwards(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Join(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
