using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using Platform.Interop;

namespace Platform.Host.Sockets;

/// <summary>
/// The instance of an Accept=yes connection's service, as systemd's instance_from_socket() builds it:
/// <c>N-LOCAL-REMOTE</c> for IP (<c>3-127.0.0.1:22-127.0.0.1:50212</c>), <c>N-PID-UID</c> of the peer for unix sockets.
/// </summary>
internal static class ConnectionName
{
    public static string Instance(int fd, int number)
    {
        var n = number.ToString(CultureInfo.InvariantCulture);
        var local = new byte[128];
        var localLength = (uint)local.Length;
        if (LibC.getsockname(fd, local, ref localLength) < 0) return n + "-unknown";
        var family = BinaryPrimitives.ReadUInt16LittleEndian(local);
        if (family == LibC.AF_UNIX)
        {
            var cred = new byte[12];
            var credLength = (uint)cred.Length;
            if (LibC.getsockopt(fd, LibC.SOL_SOCKET, LibC.SO_PEERCRED, cred, ref credLength) < 0) return n + "-unknown";
            var pid = BinaryPrimitives.ReadInt32LittleEndian(cred);
            var uid = BinaryPrimitives.ReadUInt32LittleEndian(cred.AsSpan(4));
            return $"{n}-{pid.ToString(CultureInfo.InvariantCulture)}-{uid.ToString(CultureInfo.InvariantCulture)}";
        }
        var remote = new byte[128];
        var remoteLength = (uint)remote.Length;
        if (LibC.getpeername(fd, remote, ref remoteLength) < 0) return n + "-unknown";
        return $"{n}-{Endpoint(local)}-{Endpoint(remote)}";
    }

    /// <summary>The peer's address without the port, for MaxConnectionsPerSource= (unix peers count by uid).</summary>
    public static string Source(int fd)
    {
        var remote = new byte[128];
        var length = (uint)remote.Length;
        if (LibC.getpeername(fd, remote, ref length) < 0) return "";
        var family = BinaryPrimitives.ReadUInt16LittleEndian(remote);
        if (family == LibC.AF_UNIX)
        {
            var cred = new byte[12];
            var credLength = (uint)cred.Length;
            return LibC.getsockopt(fd, LibC.SOL_SOCKET, LibC.SO_PEERCRED, cred, ref credLength) < 0 ? ""
                : "uid " + BinaryPrimitives.ReadUInt32LittleEndian(cred.AsSpan(4))
                    .ToString(CultureInfo.InvariantCulture);
        }
        var text = Endpoint(remote);
        return text[..text.LastIndexOf(':')];
    }

    private static string Endpoint(byte[] sockaddr)
    {
        var family = BinaryPrimitives.ReadUInt16LittleEndian(sockaddr);
        var port = BinaryPrimitives.ReadUInt16BigEndian(sockaddr.AsSpan(2)).ToString(CultureInfo.InvariantCulture);
        if (family == LibC.AF_INET) return $"{new IPAddress(sockaddr.AsSpan(4, 4))}:{port}";
        var address = new IPAddress(sockaddr.AsSpan(8, 16));
        // An IPv4 peer of a dual-stack listener is shown as the IPv4 address, as systemd does.
        return address.IsIPv4MappedToIPv6 ? $"{address.MapToIPv4()}:{port}" : $"{address}:{port}";
    }
}
