using Microsoft.Win32.SafeHandles;

namespace Platform.Interop;

/// <summary>
/// Owns a socket fd. Being a SafeHandle, a close from Dispose waits until an in-flight recvmsg releases it,
/// so a racing receive can never read from a recycled fd number.
/// </summary>
internal sealed class SocketHandle : SafeHandleMinusOneIsInvalid
{
    public SocketHandle(int fd) : base(ownsHandle: true) => SetHandle(fd);

    /// <summary>The raw fd, valid while the handle is open.</summary>
    public int Fd => (int)handle;

    protected override bool ReleaseHandle() => LibC.close((int)handle) == 0;
}
