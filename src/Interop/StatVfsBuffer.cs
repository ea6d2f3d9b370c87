using System.Runtime.InteropServices;

namespace Platform.Interop;

/// <summary>
/// struct statvfs on 64-bit glibc (112 bytes, the same on x86_64 and arm64): eleven 64-bit fields, then spare.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 112)]
internal struct StatVfsBuffer
{
    [FieldOffset(72)] public ulong Flags;
}
