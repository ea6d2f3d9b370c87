namespace Platform.Host.Sockets;

/// <summary>The <c>Listen*=</c> settings this manager binds, named as systemd prints them in <c>Listen=</c>.</summary>
internal enum ListenKind
{
    Stream,
    Datagram,
    SequentialPacket,
    FIFO,
}
