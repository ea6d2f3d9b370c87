using System.Runtime.InteropServices;

namespace Platform.Interop;

/// <summary>struct statx (256 bytes, one layout on every architecture); only the fields we read are named.</summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal struct StatxBuffer
{
    [FieldOffset(0)] public uint Mask;
    [FieldOffset(20)] public uint Uid;
    [FieldOffset(24)] public uint Gid;
    [FieldOffset(28)] public ushort Mode;
    [FieldOffset(32)] public ulong Inode;
    [FieldOffset(40)] public ulong Size;
    [FieldOffset(112)] public long ModifiedSeconds;
    [FieldOffset(120)] public uint ModifiedNanoseconds;
    [FieldOffset(136)] public uint DeviceMajor;
    [FieldOffset(140)] public uint DeviceMinor;

    /// <summary>The file type bits of <see cref="Mode"/> (S_IFREG, S_IFDIR, ...).</summary>
    public readonly uint Type => Mode & LibC.S_IFMT;
}
