using System.Runtime.InteropServices;

namespace Platform.Notifiers.Native;

/// <summary>struct epoll_event, which x86-64 declares packed (12 bytes); other 64-bit ABIs pad it to 16.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct EpollEvent
{
    public uint Events;
    public ulong Data;
}
