namespace Platform.Testing;

/// <summary>Parameters of <see cref="DockerClient.BuildImageAsync(Stream, ImageBuildOptions, CancellationToken)"/>.</summary>
public sealed class ImageBuildOptions
{
    /// <summary>Name:tag for the result, or null for an untagged image.</summary>
    public string? Tag { get; init; }

    /// <summary>Path of the Dockerfile inside the context.</summary>
    public string Dockerfile { get; init; } = "Dockerfile";

    /// <summary>Labels set on the built image (the harness adds its <c>platform.*</c> labels here).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Ignore the builder's layer cache.</summary>
    public bool NoCache { get; init; }

    /// <summary>Deadline for the whole build, upload included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
}
