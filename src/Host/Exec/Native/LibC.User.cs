using System.Runtime.InteropServices;

namespace Platform.Host.Exec.Native;

internal static partial class LibC
{
    // struct passwd / struct group field offsets on x86_64 glibc.
    public const int PwUidOffset = 16, PwGidOffset = 20, PwDirOffset = 32, PwShellOffset = 40, PwStructSize = 48;
    public const int GrGidOffset = 16, GrStructSize = 32;

    [DllImport(Name)]
    public static extern int getpwnam_r(IntPtr name, IntPtr pwd, IntPtr buffer, nint size, out IntPtr result);

    [DllImport(Name)]
    public static extern int getpwuid_r(uint uid, IntPtr pwd, IntPtr buffer, nint size, out IntPtr result);

    [DllImport(Name)]
    public static extern int getgrnam_r(IntPtr name, IntPtr grp, IntPtr buffer, nint size, out IntPtr result);

    [DllImport(Name)]
    public static extern int getgrgid_r(uint gid, IntPtr grp, IntPtr buffer, nint size, out IntPtr result);

    [DllImport(Name)]
    public static extern int getgrouplist(IntPtr user, uint group, [Out] uint[] groups, ref int count);

    [DllImport(Name, SetLastError = true)]
    public static extern int setgroups(nint size, uint[] list);

    [DllImport(Name, SetLastError = true)]
    public static extern int setgid(uint gid);

    [DllImport(Name, SetLastError = true)]
    public static extern int setuid(uint uid);

    [DllImport(Name, SetLastError = true)]
    public static extern int getgroups(int size, [Out] uint[]? list);
}
