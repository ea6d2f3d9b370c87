namespace Platform.TestSupport;

/// <summary>
/// Finds the published install folder under test: <c>$PLATFORM_PUBLISH_DIR</c>, else <c>REPO/artifacts/publish</c>
/// (where the README's test command publishes before running tests). Tests never run the machine's own systemctl.
/// </summary>
public static class Published
{
    public static string Directory { get; } = Locate();

    public static string Systemctl => Path.Join(Directory, "systemctl");
    public static string Journalctl => Path.Join(Directory, "journalctl");
    public static string SystemdNotify => Path.Join(Directory, "systemd-notify");

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>
    /// The managed plugin host add-on: <c>$PLATFORM_PLUGIN_HOST</c> (test.sh sets it), else
    /// <c>REPO/artifacts/plugin-host/systemctl-plugin-host</c>; null when it is not published.
    /// </summary>
    public static string? PluginHost { get; } = LocatePluginHost();

    /// <summary>
    /// Runs the systemctl under test with <c>--root=ROOT</c> first, then <paramref name="arguments"/>.
    /// </summary>
    public static CommandResult RunSystemctl(TempRoot root, params string[] arguments)
        => CommandRunner.Run(Systemctl, ["--root=" + root.Path, .. arguments]);

    /// <summary>Runs the systemctl under test with exactly these arguments and extra environment.</summary>
    public static CommandResult Run(IEnumerable<string> arguments, IDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
        => CommandRunner.Run(Systemctl, arguments, environment, timeout);

    private static string Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("PLATFORM_PUBLISH_DIR");
        var dir = string.IsNullOrEmpty(fromEnv) ? Path.Join(FindRepoRoot(), "artifacts", "publish") : fromEnv;
        if (!File.Exists(Path.Join(dir, "systemctl")))
            throw new InvalidOperationException(
                $"no published systemctl in {dir}: run ./test.sh (it publishes first) or set PLATFORM_PUBLISH_DIR");
        return dir;
    }

    private static string? LocatePluginHost()
    {
        var path = Environment.GetEnvironmentVariable("PLATFORM_PLUGIN_HOST") is { Length: > 0 } named ? named
            : Path.Join(FindRepoRoot(), "artifacts", "plugin-host", "systemctl-plugin-host");
        return File.Exists(path) ? path : null;
    }

    private static string FindRepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Join(d.FullName, "Platform.sln"))) return d.FullName;
        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
