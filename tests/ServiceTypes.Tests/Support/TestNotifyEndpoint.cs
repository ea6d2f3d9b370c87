using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Platform.Abstractions;

namespace Platform.ServiceTypes.Tests.Support;

/// <summary>
/// A minimal sd_notify endpoint for tests (the real transports are another plugin): a unix datagram socket with
/// SO_PASSCRED, read with recvmsg(2) so each message carries the sender's pid.
/// </summary>
public sealed class TestNotifyEndpoint : INotifyEndpoint
{
    private const int SOL_SOCKET = 1, SO_PASSCRED = 16, SCM_CREDENTIALS = 2, MSG_DONTWAIT = 0x40;
    private readonly Socket _socket;
    private readonly Channel<NotifyMessage> _messages = Channel.CreateUnbounded<NotifyMessage>();
    private readonly Thread _reader;
    private volatile bool _disposed;

    public TestNotifyEndpoint(string path)
    {
        Address = path;
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(path));
        _socket.SetRawSocketOption(SOL_SOCKET, SO_PASSCRED, BitConverter.GetBytes(1));
        _reader = new Thread(Read) { IsBackground = true, Name = "test-notify" };
        _reader.Start();
    }

    public string? Address { get; }

    /// <summary>When each message arrived (Stopwatch ticks), in order.</summary>
    public List<long> ArrivalTimestamps { get; } = [];

    public async ValueTask<NotifyMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        try { return await _messages.Reader.ReadAsync(cancellationToken); }
        catch (ChannelClosedException) { return null; }
    }

    private void Read()
    {
        const int size = 4096, controlSize = 64;
        var data = Marshal.AllocHGlobal(size);
        var control = Marshal.AllocHGlobal(controlSize);
        var iov = Marshal.AllocHGlobal(16);
        var msg = Marshal.AllocHGlobal(56);
        var fd = (int)_socket.Handle;
        while (!_disposed)
        {
            var pfd = new[] { new PollFd { Fd = fd, Events = 1 } };
            if (poll(pfd, 1, 100) <= 0) continue;
            Marshal.WriteIntPtr(iov, 0, data);
            Marshal.WriteInt64(iov, 8, size);
            Marshal.Copy(new byte[56], 0, msg, 56);
            Marshal.WriteIntPtr(msg, 16, iov);
            Marshal.WriteInt64(msg, 24, 1);
            Marshal.WriteIntPtr(msg, 32, control);
            Marshal.WriteInt64(msg, 40, controlSize);
            var n = recvmsg(fd, msg, MSG_DONTWAIT);
            if (n < 0) continue;
            var bytes = new byte[n];
            Marshal.Copy(data, bytes, 0, (int)n);
            int pid = -1, uid = -1, gid = -1;
            if (Marshal.ReadInt64(msg, 40) >= 28 && Marshal.ReadInt32(control, 8) == SOL_SOCKET && Marshal.ReadInt32(control, 12) == SCM_CREDENTIALS)
            {
                pid = Marshal.ReadInt32(control, 16);
                uid = Marshal.ReadInt32(control, 20);
                gid = Marshal.ReadInt32(control, 24);
            }
            lock (ArrivalTimestamps) ArrivalTimestamps.Add(System.Diagnostics.Stopwatch.GetTimestamp());
            _messages.Writer.TryWrite(NotifyMessage.Parse(bytes, pid, uid, gid));
        }
        _messages.Writer.TryComplete();
    }

    public void Dispose()
    {
        _disposed = true;
        _reader.Join();
        _socket.Dispose();
        try { File.Delete(Address!); } catch (IOException) { }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd { public int Fd; public short Events; public short Revents; }

    [DllImport("libc.so.6", SetLastError = true)]
    private static extern int poll([In, Out] PollFd[] fds, nuint count, int timeout);

    [DllImport("libc.so.6", SetLastError = true)]
    private static extern nint recvmsg(int fd, IntPtr msg, int flags);
}
