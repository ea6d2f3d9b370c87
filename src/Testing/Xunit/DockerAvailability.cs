using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Platform.Testing;

/// <summary>
/// Whether Docker end-to-end tests can run here: the daemon answers <c>GET /_ping</c> on its socket (and, when asked,
/// an image exists). Checked synchronously once per process, because xunit asks while discovering tests.
/// With <c>REQUIRE_DOCKER=1</c> a missing daemon or base image is a failure instead of a skip; a missing optional
/// image (the systemd reference, built only on request) still skips unless <c>REQUIRE_DOCKER=all</c>.
/// </summary>
public static class DockerAvailability
{
    /// <summary>The daemon socket: <c>DOCKER_HOST</c> when it is a <c>unix://</c> address, else <c>/var/run/docker.sock</c>.</summary>
    public static string SocketPath { get; } = Environment.GetEnvironmentVariable("DOCKER_HOST") is { } host && host.StartsWith("unix://", StringComparison.Ordinal)
        ? host["unix://".Length..] : "/var/run/docker.sock";

    private static readonly Lazy<string?> DaemonProblem = new(() => Probe(SocketPath, "/_ping"));
    private static readonly ConcurrentDictionary<string, string?> ImageProblems = new();

    /// <summary>True when <c>REQUIRE_DOCKER</c> is <c>1</c> or <c>all</c>: Docker tests must run and fail rather than skip.</summary>
    public static bool IsRequired => Environment.GetEnvironmentVariable("REQUIRE_DOCKER") is "1" or "all";

    /// <summary>
    /// Whether a test needing <paramref name="image"/> must run: the daemon alone and <see cref="BaseImages.Base"/> under
    /// <see cref="IsRequired"/>; any other image (provisioned only on request) under <c>REQUIRE_DOCKER=all</c>.
    /// </summary>
    public static bool IsImageRequired(string? image) => IsImageRequired(image, Environment.GetEnvironmentVariable("REQUIRE_DOCKER"));

    /// <summary><see cref="IsImageRequired(string?)"/> for an explicit <c>REQUIRE_DOCKER</c> value.</summary>
    public static bool IsImageRequired(string? image, string? requireDocker)
        => image is null or BaseImages.Base ? requireDocker is "1" or "all" : requireDocker == "all";

    /// <summary>Null when the daemon answers, else why not (one line).</summary>
    public static string? UnavailableReason => DaemonProblem.Value;

    /// <summary>Null when <paramref name="image"/> exists on a reachable daemon, else why not (one line).</summary>
    public static string? ImageProblem(string image)
        => UnavailableReason ?? ImageProblems.GetOrAdd(image, i => Probe(SocketPath, "/images/" + Uri.EscapeDataString(i) + "/json") is { } problem
            ? problem.Contains(" 404", StringComparison.Ordinal)
                ? $"image {i} is missing (build it: scripts/provision-docker.sh, or scripts/build-base-image.sh --systemd-ref / --distro for the reference images)"
                : problem
            : null);

    /// <summary>
    /// The skip reason for a Docker test needing <paramref name="image"/> (null: only the daemon): null when everything
    /// is there, and also null when it is required (<see cref="IsImageRequired(string?)"/>), so the test runs and fails with the real error.
    /// </summary>
    public static string? SkipReason(string? image, bool? required = null)
    {
        if (UnavailableReason is { } daemon)
            return required ?? IsRequired ? null : $"Docker unavailable: {daemon}; set REQUIRE_DOCKER=1 to fail instead of skipping";
        if (image is null || ImageProblem(image) is not { } missing) return null;
        return required ?? IsImageRequired(image) ? null
            : $"Docker unavailable: {missing}; set REQUIRE_DOCKER={(image == BaseImages.Base ? "1" : "all")} to fail instead of skipping";
    }

    /// <summary>Throws <see cref="DockerUnavailableException"/> when the daemon does not answer.</summary>
    public static void EnsureAvailable()
    {
        if (UnavailableReason is { } reason) throw new DockerUnavailableException($"Docker unavailable: {reason}");
    }

    /// <summary>Sends one <c>GET path</c> over the socket; null on a 200 answer, else the problem in one line.</summary>
    public static string? Probe(string socketPath, string path, int timeoutMs = 3000)
    {
        if (!File.Exists(socketPath)) return $"{socketPath} does not exist (run scripts/provision-docker.sh as root)";
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { SendTimeout = timeoutMs, ReceiveTimeout = timeoutMs };
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            socket.Send(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n"));
            var buffer = new byte[64];
            var got = socket.Receive(buffer);
            var statusLine = Encoding.ASCII.GetString(buffer, 0, got).Split('\r')[0];
            return statusLine.StartsWith("HTTP/1.1 200", StringComparison.Ordinal) ? null : $"GET {path} on {socketPath} answered \"{statusLine}\"";
        }
        catch (SocketException e)
        {
            return $"cannot reach the Docker daemon at {socketPath}: {e.Message} (run scripts/provision-docker.sh as root)";
        }
    }
}
