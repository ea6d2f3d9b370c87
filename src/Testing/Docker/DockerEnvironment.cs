using Docker.DotNet;
using DotNet.Testcontainers.Configurations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Platform.Testing;

/// <summary>
/// Sets Testcontainers up for the daemons this harness meets, once per process and before Testcontainers reads its
/// settings: the API version pinned to the daemon's own when it is older than the 1.44 Testcontainers 4 asks for
/// (Debian bookworm's dockerd speaks 1.41), and no Ryuk reaper (its image would have to be pulled from a registry;
/// <see cref="DockerSweeper"/> removes what a run leaves, by label).
/// </summary>
public static class DockerEnvironment
{
    /// <summary>The Docker API version Testcontainers 4 requests unless told otherwise.</summary>
    public static readonly Version TestcontainersApiVersion = new(1, 44);

    private static readonly Lazy<string?> ConfiguredVersion = new(Configure);
    private static readonly Lazy<IDockerClient> LazyClient = new(() =>
    {
        Ensure();
        return TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.NewGuid()).Build();
    });

    /// <summary>
    /// The API version the harness pinned (<c>DOCKER_API_VERSION</c>), or null when Testcontainers' default is used.
    /// </summary>
    public static string? ApiVersion => ConfiguredVersion.Value;

    /// <summary>
    /// Testcontainers' own Docker.DotNet client, for what its container API lacks (exec as another user, stop with a
    /// grace, listing and removing by label). Shared by the process; never dispose it.
    /// </summary>
    public static IDockerClient Client => LazyClient.Value;

    /// <summary>
    /// The logger the harness gives Testcontainers: none, unless <c>PLATFORM_TESTING_LOG=1</c> (then Testcontainers'
    /// console logger, which prints every Docker call).
    /// </summary>
    public static ILogger Logger => Environment.GetEnvironmentVariable("PLATFORM_TESTING_LOG") == "1"
        ? DotNet.Testcontainers.ConsoleLogger.Instance : NullLogger.Instance;

    /// <summary>Applies the settings (idempotent); every builder of the harness calls it first.</summary>
    public static void Ensure() => _ = ConfiguredVersion.Value;

    private static string? Configure()
    {
        // First the version, then anything of Testcontainers: its settings read DOCKER_API_VERSION when first touched.
        var version = PinApiVersion();
        TestcontainersSettings.ResourceReaperEnabled = false;
        return version;
    }

    private static string? PinApiVersion()
    {
        var pinned = Environment.GetEnvironmentVariable("DOCKER_API_VERSION");
        if (!string.IsNullOrEmpty(pinned)) return pinned;
        if (DaemonProbe.Probe(DaemonProbe.SocketPath, "/_ping", out var daemon) is not null) return null;
        if (!Version.TryParse(daemon, out var version) || version >= TestcontainersApiVersion) return null;
        Environment.SetEnvironmentVariable("DOCKER_API_VERSION", daemon);
        return daemon;
    }
}
