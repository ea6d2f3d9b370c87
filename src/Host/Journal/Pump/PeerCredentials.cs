using Platform.Host.Journal.Native;

namespace Platform.Host.Journal.Pump;

/// <summary>
/// The SCM_CREDENTIALS of one read (the writing process), and cleanup of descriptors a peer pushed at us.
/// </summary>
internal readonly record struct PeerCredentials(int Pid, int Uid, int Gid)
{
    private const int HeaderSize = 16;
    private const int ScmRights = 1;

    /// <summary>
    /// Who connected <paramref name="fd"/> (SO_PEERCRED: the kernel's record of the process that called connect, which
    /// it cannot fake); unknown (0, -1, -1) when the kernel does not say.
    /// </summary>
    public static unsafe PeerCredentials OfConnection(int fd)
    {
        var ucred = stackalloc int[3];
        var length = 3 * sizeof(int);
        if (JournalLibc.getsockopt(fd, JournalLibc.SOL_SOCKET, JournalLibc.SO_PEERCRED, ucred, &length) != 0
            || length < 3 * sizeof(int))
            return new PeerCredentials(0, -1, -1);
        return new PeerCredentials(ucred[0], ucred[1], ucred[2]);
    }

    /// <summary>
    /// Walks the control messages of a recvmsg; unknown writer (0, -1, -1) when none carried credentials.
    /// </summary>
    public static unsafe PeerCredentials Parse(byte* control, int length)
    {
        var result = new PeerCredentials(0, -1, -1);
        var offset = 0;
        while (offset + HeaderSize <= length)
        {
            var cmsgLength = (int)*(ulong*)(control + offset);
            if (cmsgLength < HeaderSize || offset + cmsgLength > length) break;
            var level = *(int*)(control + offset + 8);
            var type = *(int*)(control + offset + 12);
            var data = control + offset + HeaderSize;
            if (level == JournalLibc.SOL_SOCKET && type == JournalLibc.SCM_CREDENTIALS && cmsgLength >= HeaderSize + 12)
                result = new PeerCredentials(*(int*)data, *(int*)(data + 4), *(int*)(data + 8));
            else if (level == JournalLibc.SOL_SOCKET && type == ScmRights)
                for (var p = 0; p + 4 <= cmsgLength - HeaderSize; p += 4) JournalLibc.close(*(int*)(data + p));
            offset += (cmsgLength + 7) & ~7;
        }
        return result;
    }
}
