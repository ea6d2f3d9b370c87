using System.Runtime.InteropServices;

namespace Platform.Interop;

/// <summary>struct epoll_event on arm64 and the other non-x86 64-bit ABIs (16 bytes, naturally aligned).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct EpollEventPadded
{
    public uint Events;
    public ulong Data;
}
