using System.Runtime.CompilerServices;

namespace Platform.Testing;

/// <summary>A theory that needs Docker; skips or fails exactly like <see cref="DockerFactAttribute"/>.</summary>
public sealed class DockerTheoryAttribute : TheoryAttribute
{
    private readonly DockerSkip _skip = new();

    /// <summary>
    /// Skips when Docker or <see cref="BaseImages.Base"/> is missing (see <see cref="DockerAvailability.SkipReason"/>).
    /// </summary>
    public DockerTheoryAttribute([CallerFilePath] string? sourceFilePath = null,
        [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => base.Skip = _skip.Reason;

    /// <summary>The image the test needs; null for the daemon alone.</summary>
    public string? Image { get => _skip.Image; set => base.Skip = _skip.ForImage(value); }

    /// <summary>An explicit skip reason, else the Docker skip reason.</summary>
    public new string? Skip { get => base.Skip; set => base.Skip = _skip.ForExplicit(value); }
}
