namespace Platform.Testing;

/// <summary>
/// A fact that needs Docker (and by default <see cref="BaseImages.Base"/>). Reported as skipped, with the reason,
/// when the daemon or the image is missing; with <c>REQUIRE_DOCKER=1</c> (daemon, base image) or
/// <c>REQUIRE_DOCKER=all</c> (any image) it runs anyway and so fails.
/// </summary>
public sealed class DockerFactAttribute : FactAttribute
{
    /// <summary>The image the test needs; null for the daemon alone.</summary>
    public string? Image { get; set; } = BaseImages.Base;

    /// <summary>
    /// An explicit skip reason, else the Docker skip reason (see <see cref="DockerAvailability.SkipReason"/>).
    /// </summary>
    public override string? Skip
    {
        get => base.Skip ?? DockerAvailability.SkipReason(Image);
        set => base.Skip = value;
    }
}
