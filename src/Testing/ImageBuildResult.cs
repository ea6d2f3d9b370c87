namespace Platform.Testing;

/// <summary>What a build produced: the image id (<c>sha256:...</c>) and the builder's output.</summary>
public sealed record ImageBuildResult(string ImageId, string Log);
