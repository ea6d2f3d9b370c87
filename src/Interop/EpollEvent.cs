using System.Runtime.InteropServices;

namespace Platform.Interop;

/// <summary>
/// struct epoll_event as x86_64 declares it (packed, 12 bytes). Other 64-bit ABIs pad it to 16; <see cref="LibC"/>
/// converts through <see cref="EpollEventPadded"/> there, so callers use this one type everywhere.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct EpollEvent
{
    public uint Events;
    public ulong Data;
}
