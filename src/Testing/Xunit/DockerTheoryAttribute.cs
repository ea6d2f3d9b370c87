using System.Runtime.CompilerServices;

namespace Platform.Testing;

/// <summary>A theory that needs Docker; skips or fails exactly like <see cref="DockerFactAttribute"/>.</summary>
public sealed class DockerTheoryAttribute : TheoryAttribute
{
    private string? image = BaseImages.Base;
    private string? explicitSkip;

    /// <summary>Skips when Docker or <see cref="BaseImages.Base"/> is missing (see <see cref="DockerAvailability.SkipReason"/>).</summary>
    public DockerTheoryAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        base.Skip = DockerAvailability.SkipReason(image);
    }

    /// <summary>The image the test needs; null for the daemon alone.</summary>
    public string? Image
    {
        get => image;
        set { image = value; base.Skip = explicitSkip ?? DockerAvailability.SkipReason(value); }
    }

    // xunit.v3 reads the skip reason through the base property, which is not virtual: keep it current on every set.
    /// <summary>An explicit skip reason, else the Docker skip reason.</summary>
    public new string? Skip
    {
        get => base.Skip;
        set { explicitSkip = value; base.Skip = value ?? DockerAvailability.SkipReason(image); }
    }
}
