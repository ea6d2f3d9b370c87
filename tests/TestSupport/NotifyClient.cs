using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Platform.Interop;

namespace Platform.TestSupport;

/// <summary>
/// Sends sd_notify(3) datagrams the way services do, for tests of anything that listens on NOTIFY_SOCKET.
/// Addresses are NOTIFY_SOCKET values: a path, or <c>@name</c> for Linux's abstract namespace.
/// The kernel attaches the sender's real credentials whenever the receiver enabled SO_PASSCRED;
/// <see cref="SendWithCredentials"/> claims other ones (allowed for root only).
/// </summary>
public static class NotifyClient
{

    /// <summary>
    /// Sends <paramref name="message"/> (e.g. <c>"READY=1\nSTATUS=up"</c>) as one datagram from this process.
    /// </summary>
    public static void Send(string address, string message) => Send(address, Encoding.UTF8.GetBytes(message));

    /// <summary>Sends raw bytes as one datagram from this process.</summary>
    public static void Send(string address, byte[] datagram)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.SendTo(datagram, EndPointFor(address));
    }

    /// <summary>
    /// Sends with explicit SCM_CREDENTIALS, e.g. another pid (needs root, as for systemd-notify --pid).
    /// </summary>
    public static void SendWithCredentials(string address, string message, int pid, int uid, int gid)
    {
        var creds = new byte[12];
        BitConverter.TryWriteBytes(creds.AsSpan(0), pid);
        BitConverter.TryWriteBytes(creds.AsSpan(4), uid);
        BitConverter.TryWriteBytes(creds.AsSpan(8), gid);
        SendMsg(address, Encoding.UTF8.GetBytes(message), LibC.SCM_CREDENTIALS, creds);
    }

    /// <summary>
    /// Sends with SCM_RIGHTS copies of <paramref name="fds"/> attached (as FDSTORE=1 or a barrier would).
    /// </summary>
    public static void SendWithFds(string address, string message, params int[] fds)
    {
        var payload = new byte[fds.Length * 4];
        for (var i = 0; i < fds.Length; i++) BitConverter.TryWriteBytes(payload.AsSpan(i * 4), fds[i]);
        SendMsg(address, Encoding.UTF8.GetBytes(message), LibC.SCM_RIGHTS, payload);
    }

    /// <summary>
    /// Sends from a short-lived python3 child so the datagram carries another pid; returns that pid once the
    /// child has exited. Throws when python3 fails.
    /// </summary>
    public static int SendFromChild(string address, string message)
    {
        const string Script = "import os,socket,sys\n"
            + "a=sys.argv[1]\n"
            + "a='\\0'+a[1:] if a.startswith('@') else a\n"
            + "s=socket.socket(socket.AF_UNIX,socket.SOCK_DGRAM)\n"
            + "s.sendto(sys.argv[2].encode(),a)\n"
            + "print(os.getpid())\n";
        var result = CommandRunner.Run("python3", ["-c", Script, address, message], timeout: TimeSpan.FromSeconds(20));
        if (result.ExitCode != 0) throw new InvalidOperationException("python3 sender failed: " + result);
        return int.Parse(result.Stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Does what sd_notify_barrier(3) does, from a python3 child: sends <c>BARRIER=1</c> with the write end of a
    /// pipe, then waits up to <paramref name="timeout"/> for the receiver to close its copy. True when released.
    /// </summary>
    public static bool BarrierFromChild(string address, TimeSpan timeout)
    {
        const string Script = "import os,socket,sys,select\n"
            + "a=sys.argv[1]\n"
            + "a='\\0'+a[1:] if a.startswith('@') else a\n"
            + "r,w=os.pipe()\n"
            + "s=socket.socket(socket.AF_UNIX,socket.SOCK_DGRAM)\n"
            + "s.sendmsg([b'BARRIER=1'],[(socket.SOL_SOCKET,socket.SCM_RIGHTS,w.to_bytes(4,'little'))],0,a)\n"
            + "os.close(w)\n"
            + "p=select.poll()\n"
            + "p.register(r,0)\n"
            + "print('released' if p.poll(int(sys.argv[2])) else 'timeout')\n";
        var ms = ((int)timeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = CommandRunner.Run("python3", ["-c", Script, address, ms],
            timeout: timeout + TimeSpan.FromSeconds(20));
        if (result.ExitCode != 0) throw new InvalidOperationException("python3 barrier failed: " + result);
        return result.Stdout.Trim() == "released";
    }

    /// <summary>
    /// The .NET endpoint for a NOTIFY_SOCKET value (a leading '@' becomes the abstract namespace's NUL).
    /// </summary>
    public static UnixDomainSocketEndPoint EndPointFor(string address)
        => new(address.StartsWith('@') ? "\0" + address[1..] : address);

    // .NET's Socket cannot attach ancillary data: sendmsg with the product's own msghdr and cmsghdr layouts.
    private static unsafe void SendMsg(string address, byte[] data, int cmsgType, byte[] cmsgData)
    {
        var name = UnixAddress.Build(address);
        var control = new byte[ControlMessages.Space(cmsgData.Length)];
        ControlMessages.Write(control, LibC.SOL_SOCKET, cmsgType, cmsgData);
        var fd = LibC.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
        if (fd < 0) throw new IOException("socket failed: " + LibC.StrError(Marshal.GetLastPInvokeError()));
        try
        {
            fixed (byte* n = name)
            fixed (byte* d = data)
            fixed (byte* c = control)
            {
                var iov = new IoVec { Base = d, Length = (nuint)data.Length };
                var msg = new MsgHdr
                {
                    Name = n, NameLen = (uint)name.Length, Iov = &iov, IovLen = 1, Control = c,
                        ControlLen = (nuint)control.Length,
                };
                if (LibC.sendmsg(fd, &msg, 0) < 0)
                    throw new IOException(
                        $"sendmsg to {address} failed: {LibC.StrError(Marshal.GetLastPInvokeError())}");
            }
        }
        finally { LibC.close(fd); }
    }
}
