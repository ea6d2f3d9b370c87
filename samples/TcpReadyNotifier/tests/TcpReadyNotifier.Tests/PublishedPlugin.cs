namespace TcpReadyNotifier.Tests;

/// <summary>
/// Class fixture: the sample published once (<c>dotnet publish -c Release</c>) into <c>TEMP/plugins/tcp-ready-notifier/</c>,
/// the folder an administrator drops into a plugin directory. Published on first use, so skipped tests cost nothing.
/// </summary>
public sealed class PublishedPlugin : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("tcp-ready-plugin-").FullName;
    private readonly Lazy<string> _folder;

    public PublishedPlugin() => _folder = new Lazy<string>(Publish);

    /// <summary>The folder for <c>$PLATFORM_PLUGIN_PATH</c>: it holds the plugin folder <c>tcp-ready-notifier/</c>.</summary>
    public string PluginPath => Path.GetDirectoryName(_folder.Value)!;

    /// <summary>The published plugin folder itself.</summary>
    public string Folder => _folder.Value;

    private string Publish()
    {
        var output = Path.Join(_work, "plugins", "tcp-ready-notifier");
        var publish = Processes.Run("dotnet", ["publish", Repository.PluginProject, "-c", "Release", "-o", output, "-nologo"], TimeSpan.FromMinutes(5));
        Assert.True(publish.ExitCode == 0, publish.Describe());
        // systemctl refuses plugin files others could replace, as an installer's `chmod -R go-w` would prevent.
        foreach (var entry in Directory.EnumerateFileSystemEntries(_work, "*", SearchOption.AllDirectories).Append(_work))
            File.SetUnixFileMode(entry, File.GetUnixFileMode(entry) & ~(UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        return output;
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
