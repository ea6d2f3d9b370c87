using System.Net;

namespace Platform.Testing;

/// <summary>The Docker daemon answered a request with an error status; <see cref="Exception.Message"/> carries its text.</summary>
public sealed class DockerApiException : Exception
{
    /// <summary>Creates the exception for a failed call.</summary>
    public DockerApiException(HttpStatusCode status, string request, string? daemonMessage)
        : base($"docker {request}: {(int)status} {daemonMessage ?? status.ToString()}")
    {
        StatusCode = status;
        DaemonMessage = daemonMessage;
    }

    /// <summary>HTTP status the daemon returned (404 for a missing object, 409 for a conflict).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The daemon's own error text, when it sent one.</summary>
    public string? DaemonMessage { get; }
}
