namespace Platform.Testing;

/// <summary>A theory that needs Docker; skips or fails exactly like <see cref="DockerFactAttribute"/>.</summary>
public sealed class DockerTheoryAttribute : TheoryAttribute
{
    /// <summary>The image the test needs; null for the daemon alone.</summary>
    public string? Image { get; set; } = BaseImages.Base;

    /// <summary>An explicit skip reason, else the Docker skip reason.</summary>
    public override string? Skip
    {
        get => base.Skip ?? DockerAvailability.SkipReason(Image);
        set => base.Skip = value;
    }
}
