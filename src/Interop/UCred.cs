using System.Runtime.InteropServices;

namespace Platform.Interop;

/// <summary>struct ucred (SCM_CREDENTIALS, SO_PEERCRED): pid, uid, gid, 12 bytes on every architecture.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct UCred
{
    public const int Size = 12;

    public int Pid;
    public uint Uid;
    public uint Gid;

    /// <summary>Reads one from the data of a control message; null when it is too short.</summary>
    public static UCred? From(ReadOnlySpan<byte> data)
        => data.Length >= Size ? MemoryMarshal.Read<UCred>(data) : null;
}
