namespace Platform.Testing;

/// <summary>A <c>POST /build</c> failed; <see cref="Log"/> holds the builder's output up to the failure.</summary>
public sealed class ImageBuildException : Exception
{
    /// <summary>Creates the exception with the builder's error and its output so far.</summary>
    public ImageBuildException(string error, string log)
        : base($"docker build failed: {error.TrimEnd()}\n{Tail(log)}")
    {
        Log = log;
    }

    /// <summary>Everything the builder printed.</summary>
    public string Log { get; }

    private static string Tail(string log) => log.Length <= 2000 ? log : "..." + log[^2000..];
}
