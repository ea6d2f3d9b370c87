using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.TestSupport;

/// <summary>
/// Client side of socket-activation tests: free ports, one request and its whole answer, unix and TCP.
/// </summary>
public static class SocketProbe
{
    /// <summary>A TCP port on 127.0.0.1 that nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>
    /// Connects to 127.0.0.1:<paramref name="port"/>, sends <paramref name="send"/> (if any) and reads until the peer
    /// closes.
    /// </summary>
    public static string Tcp(int port, string? send = null, TimeSpan? timeout = null)
        => Exchange(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp),
            new IPEndPoint(IPAddress.Loopback, port), send, timeout);

    /// <summary>The same over a unix stream socket at <paramref name="path"/>.</summary>
    public static string Unix(string path, string? send = null, TimeSpan? timeout = null)
        => Exchange(new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified),
            new UnixDomainSocketEndPoint(path), send, timeout);

    /// <summary>Whether a TCP connection to 127.0.0.1:<paramref name="port"/> is refused (nothing listens).</summary>
    /// <summary>
    /// Whether something listens on 127.0.0.1:<paramref name="port"/>, found by trying to bind it: unlike a connect,
    /// this does not count as traffic, so it never starts the service of a socket unit.
    /// </summary>
    public static bool Bound(int port)
    {
        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try { s.Bind(new IPEndPoint(IPAddress.Loopback, port)); return false; }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse) { return true; }
    }

    public static bool Refused(int port)
    {
        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try { s.Connect(new IPEndPoint(IPAddress.Loopback, port)); return false; }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused) { return true; }
    }

    private static string Exchange(Socket socket, EndPoint endpoint, string? send, TimeSpan? timeout)
    {
        using (socket)
        {
            // Long enough for a service to be started on this connection on a loaded machine.
            socket.ReceiveTimeout = (int)(timeout ?? TimeSpan.FromSeconds(30)).TotalMilliseconds;
            socket.Connect(endpoint);
            if (send is not null) socket.Send(Encoding.UTF8.GetBytes(send));
            var answer = new MemoryStream();
            var buffer = new byte[4096];
            int n;
            while ((n = socket.Receive(buffer)) > 0) answer.Write(buffer, 0, n);
            return Encoding.UTF8.GetString(answer.ToArray());
        }
    }
}
