using System.Runtime.InteropServices;

namespace Platform.LogSinks.Native;

/// <summary>struct msghdr on 64-bit Linux (56 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MessageHeader
{
    public void* Name;
    public uint NameLen;
    public IoVec* Iov;
    public nuint IovLen;
    public void* Control;
    public nuint ControlLen;
    public int Flags;
}
