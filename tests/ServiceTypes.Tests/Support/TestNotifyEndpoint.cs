using System.Net.Sockets;
using System.Threading.Channels;
using Platform.Abstractions;
using Platform.Interop;

namespace Platform.ServiceTypes.Tests.Support;

/// <summary>
/// A minimal sd_notify endpoint for tests (the real transports are another plugin): a unix datagram socket with
/// SO_PASSCRED, read with recvmsg(2) so each message carries the sender's pid.
/// </summary>
public sealed class TestNotifyEndpoint : INotifyEndpoint
{
    private readonly Socket _socket;
    private readonly Channel<NotifyMessage> _messages = Channel.CreateUnbounded<NotifyMessage>();
    private readonly Thread _reader;
    private volatile bool _disposed;

    public TestNotifyEndpoint(string path)
    {
        Address = path;
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(path));
        _socket.SetRawSocketOption(LibC.SOL_SOCKET, LibC.SO_PASSCRED, BitConverter.GetBytes(1));
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

    private unsafe void Read()
    {
        const int Size = 4096, ControlSize = 64;
        var data = new byte[Size];
        var control = new byte[ControlSize];
        var fd = (int)_socket.Handle;
        while (!_disposed)
        {
            var pfd = new[] { new PollFd { Fd = fd, Events = LibC.POLLIN } };
            if (LibC.poll(pfd, 1, 100) <= 0) continue;
            nint n;
            int controlLength;
            fixed (byte* d = data)
            fixed (byte* c = control)
            {
                var iov = new IoVec { Base = d, Length = Size };
                var msg = new MsgHdr { Iov = &iov, IovLen = 1, Control = c, ControlLen = ControlSize };
                n = LibC.recvmsg(fd, &msg, LibC.MSG_DONTWAIT);
                controlLength = (int)msg.ControlLen;
            }
            if (n < 0) continue;
            int pid = -1, uid = -1, gid = -1;
            var offset = 0;
            while (ControlMessages.Next(control.AsSpan(0, controlLength), ref offset, out var level, out var type,
                out var payload))
                if (level == LibC.SOL_SOCKET && type == LibC.SCM_CREDENTIALS && UCred.From(payload) is { } cred)
                    (pid, uid, gid) = (cred.Pid, (int)cred.Uid, (int)cred.Gid);
            lock (ArrivalTimestamps) ArrivalTimestamps.Add(System.Diagnostics.Stopwatch.GetTimestamp());
            _messages.Writer.TryWrite(NotifyMessage.Parse(data.AsSpan(0, (int)n), pid, uid, gid));
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
}
