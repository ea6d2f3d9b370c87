using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Platform.TestSupport;

/// <summary>
/// Sends sd_notify(3) datagrams the way services do, for tests of anything that listens on NOTIFY_SOCKET.
/// Addresses are NOTIFY_SOCKET values: a path, or <c>@name</c> for Linux's abstract namespace.
/// The kernel attaches the sender's real credentials whenever the receiver enabled SO_PASSCRED;
/// <see cref="SendWithCredentials"/> claims other ones (allowed for root only).
/// </summary>
public static class NotifyClient
{
    private const int SolSocket = 1, ScmRights = 1, ScmCredentials = 2;

    /// <summary>Sends <paramref name="message"/> (e.g. <c>"READY=1\nSTATUS=up"</c>) as one datagram from this process.</summary>
    public static void Send(string address, string message) => Send(address, Encoding.UTF8.GetBytes(message));

    /// <summary>Sends raw bytes as one datagram from this process.</summary>
    public static void Send(string address, byte[] datagram)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.SendTo(datagram, EndPointFor(address));
    }

    /// <summary>Sends with explicit SCM_CREDENTIALS, e.g. another pid (needs root, as for systemd-notify --pid).</summary>
    public static void SendWithCredentials(string address, string message, int pid, int uid, int gid)
    {
        var creds = new byte[12];
        BitConverter.TryWriteBytes(creds.AsSpan(0), pid);
        BitConverter.TryWriteBytes(creds.AsSpan(4), uid);
        BitConverter.TryWriteBytes(creds.AsSpan(8), gid);
        SendMsg(address, Encoding.UTF8.GetBytes(message), ScmCredentials, creds);
    }

    /// <summary>Sends with SCM_RIGHTS copies of <paramref name="fds"/> attached (as FDSTORE=1 or a barrier would).</summary>
    public static void SendWithFds(string address, string message, params int[] fds)
    {
        var payload = new byte[fds.Length * 4];
        for (var i = 0; i < fds.Length; i++) BitConverter.TryWriteBytes(payload.AsSpan(i * 4), fds[i]);
        SendMsg(address, Encoding.UTF8.GetBytes(message), ScmRights, payload);
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
        var result = CommandRunner.Run("python3", ["-c", Script, address, ms], timeout: timeout + TimeSpan.FromSeconds(20));
        if (result.ExitCode != 0) throw new InvalidOperationException("python3 barrier failed: " + result);
        return result.Stdout.Trim() == "released";
    }

    /// <summary>The .NET endpoint for a NOTIFY_SOCKET value (a leading '@' becomes the abstract namespace's NUL).</summary>
    public static UnixDomainSocketEndPoint EndPointFor(string address)
        => new(address.StartsWith('@') ? "\0" + address[1..] : address);

    // .NET's Socket cannot attach ancillary data, so build msghdr/cmsghdr by hand (64-bit layout).
    private static void SendMsg(string address, byte[] data, int cmsgType, byte[] cmsgData)
    {
        var name = Encoding.UTF8.GetBytes(address.StartsWith('@') ? "\0" + address[1..] : address);
        var nameLen = 2 + name.Length + (address.StartsWith('@') ? 0 : 1);
        if (nameLen > 110) throw new ArgumentException("notify address too long for sun_path: " + address);
        var controlLen = 16 + ((cmsgData.Length + 7) & ~7);
        var block = Marshal.AllocHGlobal(112 + 16 + 56 + controlLen + data.Length);
        try
        {
            var addr = block; var iov = block + 112; var msg = iov + 16; var control = msg + 56; var buf = control + controlLen;
            for (var i = 0; i < 112; i++) Marshal.WriteByte(addr, i, 0);
            Marshal.WriteInt16(addr, 1); // AF_UNIX
            Marshal.Copy(name, 0, addr + 2, name.Length);
            Marshal.Copy(data, 0, buf, data.Length);
            Marshal.WriteIntPtr(iov, buf);
            Marshal.WriteInt64(iov, 8, data.Length);
            Marshal.WriteInt64(control, 16 + cmsgData.Length); // cmsg_len = CMSG_LEN(n)
            Marshal.WriteInt32(control, 8, SolSocket);
            Marshal.WriteInt32(control, 12, cmsgType);
            Marshal.Copy(cmsgData, 0, control + 16, cmsgData.Length);
            for (var i = 16 + cmsgData.Length; i < controlLen; i++) Marshal.WriteByte(control, i, 0);
            for (var i = 0; i < 56; i++) Marshal.WriteByte(msg, i, 0);
            Marshal.WriteIntPtr(msg, 0, addr);
            Marshal.WriteInt32(msg, 8, nameLen);
            Marshal.WriteIntPtr(msg, 16, iov);
            Marshal.WriteInt64(msg, 24, 1);
            Marshal.WriteIntPtr(msg, 32, control);
            Marshal.WriteInt64(msg, 40, controlLen);

            var fd = socket(1, 2 | 0x80000, 0);
            if (fd < 0) throw new IOException("socket failed: errno " + Marshal.GetLastPInvokeError());
            try
            {
                if (sendmsg(fd, msg, 0) < 0)
                    throw new IOException($"sendmsg to {address} failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            }
            finally { close(fd); }
        }
        finally { Marshal.FreeHGlobal(block); }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int socket(int domain, int type, int protocol);

    [DllImport("libc", SetLastError = true)]
    private static extern nint sendmsg(int fd, IntPtr msg, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
}
