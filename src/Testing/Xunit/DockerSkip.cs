namespace Platform.Testing;

/// <summary>
/// The skip reason of <see cref="DockerFactAttribute"/> and <see cref="DockerTheoryAttribute"/>: an explicit one, else
/// the Docker one for the image. xunit.v3 reads it through FactAttribute.Skip, which is not virtual, so the attributes
/// store it again whenever Image or Skip is set.
/// </summary>
internal sealed class DockerSkip
{
    private string? _explicit;

    public string? Image { get; private set; } = BaseImages.Base;

    public string? Reason => _explicit ?? DockerAvailability.SkipReason(Image);

    public string? ForImage(string? image)
    {
        Image = image;
        return Reason;
    }

    public string? ForExplicit(string? reason)
    {
        _explicit = reason;
        return Reason;
    }
}
