using System.Runtime.CompilerServices;

namespace Platform.Testing;

/// <summary>
/// A fact that needs Docker (and by default <see cref="BaseImages.Base"/>). Reported as skipped, with the reason,
/// when the daemon or the image is missing; with <c>REQUIRE_DOCKER=1</c> (daemon, base image) or
/// <c>REQUIRE_DOCKER=all</c> (any image) it runs anyway and so fails.
/// </summary>
public sealed class DockerFactAttribute : FactAttribute
{
    private readonly DockerSkip _skip = new();

    /// <summary>
    /// Skips when Docker or <see cref="BaseImages.Base"/> is missing (see <see cref="DockerAvailability.SkipReason"/>).
    /// </summary>
    public DockerFactAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => base.Skip = _skip.Reason;

    /// <summary>The image the test needs; null for the daemon alone.</summary>
    public string? Image { get => _skip.Image; set => base.Skip = _skip.ForImage(value); }

    /// <summary>An explicit skip reason, else the Docker skip reason.</summary>
    public new string? Skip { get => base.Skip; set => base.Skip = _skip.ForExplicit(value); }
}
