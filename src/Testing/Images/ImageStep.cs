namespace Platform.Testing;

/// <summary>
/// One recorded <see cref="ImageBuilder"/> call, turned into context entries and Dockerfile lines at build time.
/// </summary>
internal sealed record ImageStep(ImageStepKind Kind, string ImagePath, string? Owner, string? HostPath = null,
    byte[]? Content = null,
    UnixFileMode Mode = default, string? LinkTarget = null, string? Instruction = null);
