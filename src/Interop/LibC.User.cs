using System.Runtime.InteropServices;

namespace Platform.Interop;

internal static unsafe partial class LibC
{
    // struct passwd / struct group field offsets: the same on every 64-bit glibc (LP64, pointers and 32-bit ids).
    public const int PwUidOffset = 16, PwGidOffset = 20, PwDirOffset = 32, PwShellOffset = 40, PwStructSize = 48;
    public const int GrGidOffset = 16, GrStructSize = 32;

    [LibraryImport(Name)]
    public static partial int getpwnam_r(IntPtr name, IntPtr pwd, IntPtr buffer, nint size, out IntPtr result);

    [LibraryImport(Name)]
    public static partial int getpwuid_r(uint uid, IntPtr pwd, IntPtr buffer, nint size, out IntPtr result);

    [LibraryImport(Name)]
    public static partial int getgrnam_r(IntPtr name, IntPtr grp, IntPtr buffer, nint size, out IntPtr result);

    [LibraryImport(Name)]
    public static partial int getgrgid_r(uint gid, IntPtr grp, IntPtr buffer, nint size, out IntPtr result);

    [LibraryImport(Name)]
    public static partial int getgrouplist(IntPtr user, uint group, [Out] uint[] groups, ref int count);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int setgroups(nint size, uint[] list);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int setgid(uint gid);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int setuid(uint uid);
}
