namespace Platform.Testing;

/// <summary>
/// An image build failed; <see cref="Dockerfile"/> holds the generated Dockerfile (run labels left out).
/// </summary>
public sealed class ImageBuildException : Exception
{
    /// <summary>Creates the exception with the builder's error and the Dockerfile it was given.</summary>
    public ImageBuildException(string error, string dockerfile, Exception? inner = null)
        : base($"docker build failed: {error.TrimEnd()}\n--- Dockerfile\n{dockerfile}", inner)
    {
        Dockerfile = dockerfile;
    }

    /// <summary>The Dockerfile of the failed build.</summary>
    public string Dockerfile { get; }
}
