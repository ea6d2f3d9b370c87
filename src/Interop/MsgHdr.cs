using System.Runtime.InteropServices;

namespace Platform.Interop;

/// <summary>struct msghdr on 64-bit Linux (56 bytes; the compiler pads after the 32-bit name length).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MsgHdr
{
    public void* Name;
    public uint NameLen;
    public IoVec* Iov;
    public nuint IovLen;
    public void* Control;
    public nuint ControlLen;
    public int Flags;
}
