using System.Net;
using System.Net.Sockets;

namespace TcpReadyNotifier.Tests;

/// <summary>Free loopback ports for tests, and listeners on them.</summary>
internal static class LoopbackListener
{
    /// <summary>A port nothing listens on right now (the kernel picked it; it is released again before returning).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>Starts listening on <paramref name="address"/>:<paramref name="port"/>; dispose to stop.</summary>
    public static TcpListener Start(IPAddress address, int port)
    {
        var listener = new TcpListener(address, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }
}
