using System.Net.Sockets;
using System.Text;

namespace Platform.Testing;

/// <summary>
/// One unversioned <c>GET</c> over the daemon socket. Testcontainers' client always sends a versioned path (1.44 in
/// 4.x), which an older daemon refuses before it says which version it speaks; <c>/_ping</c> answers every client
/// version and names the daemon's in its <c>Api-Version</c> header.
/// </summary>
public static class DaemonProbe
{
    /// <summary>
    /// The daemon socket: <c>DOCKER_HOST</c> when it is a <c>unix://</c> address, else <c>/var/run/docker.sock</c>.
    /// </summary>
    public static string SocketPath { get; } = Environment.GetEnvironmentVariable("DOCKER_HOST") is { } host
        && host.StartsWith("unix://", StringComparison.Ordinal)
        ? host["unix://".Length..] : "/var/run/docker.sock";

    /// <summary>
    /// Sends <c>GET path</c>; null on a 200 answer, else the problem in one line. <paramref name="apiVersion"/>: the
    /// <c>Api-Version</c> header.
    /// </summary>
    public static string? Probe(string socketPath, string path, out string? apiVersion, int timeoutMs = 3000)
    {
        apiVersion = null;
        if (!File.Exists(socketPath)) return $"{socketPath} does not exist (run scripts/provision-docker.sh as root)";
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream,
                ProtocolType.Unspecified) { SendTimeout = timeoutMs, ReceiveTimeout = timeoutMs };
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            socket.Send(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n"));
            // The head of the answer fits in one read or a few; stop at the blank line that ends the headers.
            var head = new StringBuilder();
            var buffer = new byte[1024];
            for (int got; head.Length < 16384 && !head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal)
                && (got = socket.Receive(buffer)) > 0;)
                head.Append(Encoding.ASCII.GetString(buffer, 0, got));
            var lines = head.ToString().Split("\r\n");
            foreach (var line in lines.Skip(1))
                if (line.StartsWith("Api-Version:", StringComparison.OrdinalIgnoreCase))
                    apiVersion = line["Api-Version:".Length..].Trim();
            return lines[0].StartsWith("HTTP/1.1 200", StringComparison.Ordinal)
                ? null : $"GET {path} on {socketPath} answered \"{lines[0]}\"";
        }
        catch (SocketException e)
        {
            return $"cannot reach the Docker daemon at {socketPath}: {e.Message} (run scripts/provision-docker.sh as "
                + $"root)";
        }
    }

    /// <inheritdoc cref="Probe(string, string, out string?, int)"/>
    public static string? Probe(string socketPath, string path, int timeoutMs = 3000) =>
        Probe(socketPath, path, out _, timeoutMs);
}
