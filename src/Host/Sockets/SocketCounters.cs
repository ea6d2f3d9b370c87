using System.Globalization;
using Platform.Host.Cli;

namespace Platform.Host.Sockets;

/// <summary>
/// An Accept=yes socket's connection counts as <c>show</c> prints them (<c>NConnections</c>: instances starting or
/// running now, <c>NAccepted</c>: connections accepted since the socket started, <c>NRefused</c>: dropped by
/// <c>MaxConnectionsPerSource=</c>). Only the holder knows them; <c>show</c> asks it over the control socket.
/// </summary>
internal sealed record SocketCounters(int Connections, int Accepted, int Refused)
{
    /// <summary>
    /// The counts of the holder of <paramref name="socketUnit"/>; null when none answers (the socket is not active).
    /// </summary>
    public static SocketCounters? Ask(HostContext ctx, string socketUnit)
    {
        if (SocketClient.Ask(SocketRuntime.ControlPath(ctx, socketUnit), "counters") is not { } answer) return null;
        foreach (var fd in answer.Fds) _ = Interop.LibC.close(fd);
        var parts = answer.Text.Split(' ');
        if (parts.Length != 3) return null;
        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return null;
        return new SocketCounters(numbers[0], numbers[1], numbers[2]);
    }

    /// <summary>The holder's answer: <c>CONNECTIONS ACCEPTED REFUSED</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Connections} {Accepted} {Refused}");
}
