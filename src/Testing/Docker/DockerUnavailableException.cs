namespace Platform.Testing;

/// <summary>No Docker daemon answers on the socket; the message says why and how to provision one.</summary>
public sealed class DockerUnavailableException : Exception
{
    /// <summary>Creates the exception with the reason (e.g. the socket is missing).</summary>
    public DockerUnavailableException(string reason, Exception? inner = null) : base(reason, inner) { }
}
