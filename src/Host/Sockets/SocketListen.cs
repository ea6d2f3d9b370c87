using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Platform.Interop;

namespace Platform.Host.Sockets;

/// <summary>
/// One <c>Listen*=</c> entry (systemd.socket(5)): a unix path, an abstract name (<c>@name</c>), <c>PORT</c> (all
/// addresses, IPv6 with IPv4 mapped), <c>ADDR:PORT</c>, <c>[V6]:PORT</c>, or a FIFO path.
/// </summary>
internal sealed record SocketListen(ListenKind Kind, string Text, int Family, IPAddress? Address = null, int Port = 0)
{
    /// <summary>The address as <c>Listen=</c> and <c>list-sockets</c> print it.</summary>
    public string Display => Family switch
    {
        LibC.AF_INET => $"{Address}:{Port.ToString(CultureInfo.InvariantCulture)}",
        LibC.AF_INET6 => $"[{Address}]:{Port.ToString(CultureInfo.InvariantCulture)}",
        _ => Text,
    };

    public bool IsUnixPath => Family == LibC.AF_UNIX && Text.StartsWith('/');

    public int SocketType => Kind switch
    {
        ListenKind.Datagram => LibC.SOCK_DGRAM,
        ListenKind.SequentialPacket => LibC.SOCK_SEQPACKET,
        _ => LibC.SOCK_STREAM,
    };

    /// <summary>
    /// Parses a value as systemd's socket_address_parse() reads it; null with a reason when it does not.
    /// </summary>
    public static SocketListen? Parse(ListenKind kind, string value, out string? error)
    {
        error = null;
        value = value.Trim();
        if (kind == ListenKind.FIFO)
        {
            if (value.StartsWith('/')) return new SocketListen(kind, value, 0);
            error = "Path is not absolute";
            return null;
        }
        if (value.StartsWith('/') || value.StartsWith('@'))
        {
            if (Encoding.UTF8.GetByteCount(value) > 107)
            {
                error = "Path too long";
                return null;
            }
            return new SocketListen(kind, value, LibC.AF_UNIX);
        }
        if (kind == ListenKind.SequentialPacket)
        {
            error = "SequentialPacket sockets must be unix sockets";
            return null;
        }
        if (value.StartsWith('['))
        {
            var close = value.IndexOf("]:", StringComparison.Ordinal);
            if (close > 0 && IPAddress.TryParse(value[1..close], out var v6)
                && v6.AddressFamily == AddressFamily.InterNetworkV6
                && TryPort(value[(close + 2)..], out var port6))
                return new SocketListen(kind, value, LibC.AF_INET6, v6, port6);
        }
        else if (value.LastIndexOf(':') is var colon and > 0)
        {
            if (IPAddress.TryParse(value[..colon], out var v4) && v4.AddressFamily == AddressFamily.InterNetwork
                && TryPort(value[(colon + 1)..], out var port4))
                return new SocketListen(kind, value, LibC.AF_INET, v4, port4);
        }
        else if (TryPort(value, out var port))
        {
            // A bare port listens on every address: IPv6 with IPv4 mapped, or IPv4 where the kernel has no IPv6.
            return Socket.OSSupportsIPv6
                ? new SocketListen(kind, value, LibC.AF_INET6, IPAddress.IPv6Any, port)
                : new SocketListen(kind, value, LibC.AF_INET, IPAddress.Any, port);
        }
        error = "Failed to parse address value";
        return null;
    }

    private static bool TryPort(string text, out int port)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535;

    /// <summary>The sockaddr to bind; <paramref name="path"/> replaces a unix path (relocated under --root).</summary>
    public byte[] SockAddr(string? path = null)
    {
        switch (Family)
        {
            case LibC.AF_UNIX:
                return UnixAddress.Build(path ?? Text);
            case LibC.AF_INET:
                var in4 = new byte[16];
                BinaryPrimitives.WriteUInt16LittleEndian(in4, LibC.AF_INET);
                BinaryPrimitives.WriteUInt16BigEndian(in4.AsSpan(2), (ushort)Port);
                Address!.GetAddressBytes().CopyTo(in4, 4);
                return in4;
            default:
                var in6 = new byte[28];
                BinaryPrimitives.WriteUInt16LittleEndian(in6, LibC.AF_INET6);
                BinaryPrimitives.WriteUInt16BigEndian(in6.AsSpan(2), (ushort)Port);
                Address!.GetAddressBytes().CopyTo(in6, 8);
                return in6;
        }
    }
}
