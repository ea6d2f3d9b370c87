using System.Runtime.InteropServices;

namespace Platform.LogSinks.Native;

/// <summary>struct iovec.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct IoVec
{
    public void* Base;
    public nuint Length;
}
