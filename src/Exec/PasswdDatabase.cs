using System.Globalization;
using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.Exec;

/// <summary>Reentrant NSS look-ups (getpwnam_r, getgrnam_r, getgrouplist) with buffers that grow on ERANGE.</summary>
internal static class PasswdDatabase
{
    private const int ERANGE = 34;

    public static PasswdEntry? FindUser(string name)
    {
        using var strings = new NativeStrings();
        var nameP = strings.String(name);
        var numeric = uint.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var uid);
        for (var size = 4096; size <= 1 << 20; size *= 4)
        {
            var pwd = strings.Block(LibC.PwStructSize);
            var buffer = strings.Block(size);
            var rc = numeric
                ? LibC.getpwuid_r(uid, pwd, buffer, size, out var result)
                : LibC.getpwnam_r(nameP, pwd, buffer, size, out result);
            if (rc == ERANGE) continue;
            if (rc != 0 || result == IntPtr.Zero) return null;
            return new PasswdEntry(
                Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(pwd, 0)) ?? name,
                (uint)Marshal.ReadInt32(pwd, LibC.PwUidOffset),
                (uint)Marshal.ReadInt32(pwd, LibC.PwGidOffset),
                Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(pwd, LibC.PwDirOffset)) ?? "/",
                Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(pwd, LibC.PwShellOffset)) ?? "/bin/sh");
        }
        return null;
    }

    public static uint? FindGroup(string name)
    {
        using var strings = new NativeStrings();
        var nameP = strings.String(name);
        for (var size = 4096; size <= 1 << 20; size *= 4)
        {
            var grp = strings.Block(LibC.GrStructSize);
            var buffer = strings.Block(size);
            var rc = LibC.getgrnam_r(nameP, grp, buffer, size, out var result);
            if (rc == ERANGE) continue;
            if (rc != 0 || result == IntPtr.Zero) return null;
            return (uint)Marshal.ReadInt32(grp, LibC.GrGidOffset);
        }
        return null;
    }

    /// <summary>
    /// The groups <paramref name="user"/> belongs to according to the group database, including <paramref name="gid"/>.
    /// </summary>
    public static uint[] GroupsOf(string user, uint gid)
    {
        using var strings = new NativeStrings();
        var userP = strings.String(user);
        var count = 64;
        while (true)
        {
            var groups = new uint[count];
            var n = count;
            if (LibC.getgrouplist(userP, gid, groups, ref n) >= 0) return groups[..n];
            if (n <= count) n = count * 2;
            count = n;
        }
    }
}
