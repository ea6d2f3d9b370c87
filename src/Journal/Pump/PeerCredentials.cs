using Platform.Interop;

namespace Platform.Journal.Pump;

/// <summary>
/// The SCM_CREDENTIALS of one read (the writing process), and cleanup of descriptors a peer pushed at us.
/// </summary>
internal readonly record struct PeerCredentials(int Pid, int Uid, int Gid)
{
    /// <summary>
    /// Who connected <paramref name="fd"/> (SO_PEERCRED: the kernel's record of the process that called connect, which
    /// it cannot fake); unknown (0, -1, -1) when the kernel does not say.
    /// </summary>
    public static unsafe PeerCredentials OfConnection(int fd)
    {
        var ucred = stackalloc int[3];
        var length = 3 * sizeof(int);
        if (LibC.getsockopt(fd, LibC.SOL_SOCKET, LibC.SO_PEERCRED, ucred, &length) != 0 || length < 3 * sizeof(int))
            return new PeerCredentials(0, -1, -1);
        return new PeerCredentials(ucred[0], ucred[1], ucred[2]);
    }

    /// <summary>
    /// Walks the control messages of a recvmsg; unknown writer (0, -1, -1) when none carried credentials.
    /// </summary>
    public static unsafe PeerCredentials Parse(byte* control, int length)
    {
        var result = new PeerCredentials(0, -1, -1);
        var messages = new ReadOnlySpan<byte>(control, length);
        var offset = 0;
        while (ControlMessages.Next(messages, ref offset, out var level, out var type, out var data))
        {
            if (level != LibC.SOL_SOCKET) continue;
            if (type == LibC.SCM_CREDENTIALS && UCred.From(data) is { } cred)
                result = new PeerCredentials(cred.Pid, (int)cred.Uid, (int)cred.Gid);
            else if (type == LibC.SCM_RIGHTS) ControlMessages.CloseDescriptors(data);
        }
        return result;
    }
}
