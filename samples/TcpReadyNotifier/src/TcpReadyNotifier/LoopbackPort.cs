using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TcpReadyNotifier;

/// <summary>
/// The probe: does a TCP port on 127.0.0.1 accept connections? Loopback only, so a unit can never make systemctl
/// connect elsewhere.
/// </summary>
public static class LoopbackPort
{
    /// <summary>
    /// How long one connection attempt may take; a full accept queue drops SYNs instead of refusing them.
    /// </summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Parses a port number from 1 to 65535 (surrounding blanks allowed).</summary>
    public static bool TryParse(string? text, out int port)
    {
        port = 0;
        if (!ushort.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value == 0) return false;
        port = value;
        return true;
    }

    /// <summary>
    /// Connects to 127.0.0.1:<paramref name="port"/> and closes the connection again at once; true when the connection
    /// was accepted. Throws <see cref="OperationCanceledException"/> only when <paramref name="cancellationToken"/>
    /// fires.
    /// </summary>
    public static async ValueTask<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(AttemptTimeout);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), attempt.Token).ConfigureAwait(false);
            // A plain close (FIN, not RST), so the service sees an ordinary client that went away.
            socket.Shutdown(SocketShutdown.Both);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // this attempt timed out; the next one may get through
        }
    }
}
