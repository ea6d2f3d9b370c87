using System.Collections.Concurrent;

namespace Platform.Testing;

/// <summary>
/// Whether Docker end-to-end tests can run here: the daemon answers <c>GET /_ping</c> on its socket
/// (<see cref="DaemonProbe"/>) (and, when asked, an image exists). Checked synchronously once per process, because
/// xunit asks while discovering tests. With <c>REQUIRE_DOCKER=1</c> a missing daemon or base image is a failure instead
/// of a skip; a missing optional image (the systemd reference, built only on request) still skips unless
/// <c>REQUIRE_DOCKER=all</c>.
/// </summary>
public static class DockerAvailability
{
    /// <summary>The daemon socket (see <see cref="DaemonProbe.SocketPath"/>).</summary>
    public static string SocketPath => DaemonProbe.SocketPath;

    private static readonly Lazy<string?> DaemonProblem = new(() => DaemonProbe.Probe(SocketPath, "/_ping"));
    private static readonly ConcurrentDictionary<string, string?> ImageProblems = new();

    /// <summary>
    /// True when <c>REQUIRE_DOCKER</c> is <c>1</c> or <c>all</c>: Docker tests must run and fail rather than skip.
    /// </summary>
    public static bool IsRequired => Environment.GetEnvironmentVariable("REQUIRE_DOCKER") is "1" or "all";

    /// <summary>
    /// Whether a test needing <paramref name="image"/> must run: the daemon alone and <see cref="BaseImages.Base"/>
    /// under <see cref="IsRequired"/>; any other image (provisioned only on request) under <c>REQUIRE_DOCKER=all</c>.
    /// </summary>
    public static bool IsImageRequired(string? image) =>
        IsImageRequired(image, Environment.GetEnvironmentVariable("REQUIRE_DOCKER"));

    /// <summary><see cref="IsImageRequired(string?)"/> for an explicit <c>REQUIRE_DOCKER</c> value.</summary>
    public static bool IsImageRequired(string? image, string? requireDocker)
        => image is null or BaseImages.Base ? requireDocker is "1" or "all" : requireDocker == "all";

    /// <summary>Null when the daemon answers, else why not (one line).</summary>
    public static string? UnavailableReason => DaemonProblem.Value;

    /// <summary>Null when <paramref name="image"/> exists on a reachable daemon, else why not (one line).</summary>
    public static string? ImageProblem(string image)
        => UnavailableReason ?? ImageProblems.GetOrAdd(image, InspectProblem);

    private static string? InspectProblem(string image)
    {
        try
        {
            DockerEnvironment.Client.Images.InspectImageAsync(image).GetAwaiter().GetResult();
            return null;
        }
        catch (Docker.DotNet.DockerImageNotFoundException)
        {
            return $"image {image} is missing (build it: scripts/provision-docker.sh, or scripts/build-base-image.sh "
                + $"--systemd-ref / --distro for the reference images)";
        }
        catch (Docker.DotNet.DockerApiException e)
        {
            return $"inspecting image {image} failed: {e.StatusCode} {e.ResponseBody?.Trim()}";
        }
    }

    /// <summary>
    /// The skip reason for a Docker test needing <paramref name="image"/> (null: only the daemon): null when everything
    /// is there, and also null when it is required (<see cref="IsImageRequired(string?)"/>), so the test runs and fails
    /// with the real error.
    /// </summary>
    public static string? SkipReason(string? image, bool? required = null)
    {
        if (UnavailableReason is { } daemon)
            return required ?? IsRequired
                ? null : $"Docker unavailable: {daemon}; set REQUIRE_DOCKER=1 to fail instead of skipping";
        if (image is null || ImageProblem(image) is not { } missing) return null;
        return required ?? IsImageRequired(image) ? null
            : $"Docker unavailable: {missing}; set REQUIRE_DOCKER={(image == BaseImages.Base ? "1" : "all")} to fail "
                + $"instead of skipping";
    }

    /// <summary>Throws <see cref="DockerUnavailableException"/> when the daemon does not answer.</summary>
    public static void EnsureAvailable()
    {
        if (UnavailableReason is { } reason) throw new DockerUnavailableException($"Docker unavailable: {reason}");
    }
}
