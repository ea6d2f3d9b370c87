using System.Runtime.InteropServices;

namespace Platform.Host.Journal.Native;

/// <summary>struct epoll_event, which x86-64 packs to 12 bytes (4-byte events, then 8-byte data).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct EpollEvent
{
    public uint Events;
    public ulong Data;
}
