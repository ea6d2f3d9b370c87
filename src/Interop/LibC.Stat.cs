using System.Runtime.InteropServices;

namespace Platform.Interop;

/// <summary>
/// File status through statx(2) and statvfs(3), whose layouts are the same on x86_64 and arm64 (struct stat is not),
/// and uname(2). statx needs glibc 2.28, unlike the plain stat symbol (2.33).
/// </summary>
internal static unsafe partial class LibC
{
    public const int AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100, AT_EMPTY_PATH = 0x1000;
    public const uint STATX_TYPE = 0x1, STATX_MODE = 0x2, STATX_UID = 0x8, STATX_INO = 0x100, STATX_BASIC_STATS = 0x7ff;
    public const uint S_IFMT = 0xF000, S_IFIFO = 0x1000, S_IFDIR = 0x4000, S_IFREG = 0x8000, S_IFLNK = 0xA000;
    public const uint S_ISVTX = 0x200;
    public const ulong ST_RDONLY = 1;

    /// <summary>The fields of struct utsname, each 65 bytes.</summary>
    public enum UtsField { SysName, NodeName, Release, Version, Machine }

    [LibraryImport(Name, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int statx(int dirFd, string path, int flags, uint mask, StatxBuffer* buffer);

    [LibraryImport(Name, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int statvfs(string path, StatVfsBuffer* buffer);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int uname(byte* buffer);

    /// <summary>statx of a path (links followed or not); false with errno set when it cannot be examined.</summary>
    public static bool Stat(string path, bool follow, out StatxBuffer status)
    {
        fixed (StatxBuffer* p = &status)
            return statx(AT_FDCWD, path, follow ? 0 : AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, p) == 0;
    }

    /// <summary>statx of an open descriptor (fstat); false with errno set on failure.</summary>
    public static bool Stat(int fd, out StatxBuffer status)
    {
        fixed (StatxBuffer* p = &status)
            return statx(fd, "", AT_EMPTY_PATH, STATX_BASIC_STATS, p) == 0;
    }

    /// <summary>
    /// True when <paramref name="path"/> lies on a read-only mount (statvfs ST_RDONLY); false when unknown.
    /// </summary>
    public static bool IsReadOnlyMount(string path)
    {
        StatVfsBuffer vfs;
        return statvfs(path, &vfs) == 0 && (vfs.Flags & ST_RDONLY) != 0;
    }

    /// <summary>statvfs succeeded and the mount is writable.</summary>
    public static bool IsWritableMount(string path)
    {
        StatVfsBuffer vfs;
        return statvfs(path, &vfs) == 0 && (vfs.Flags & ST_RDONLY) == 0;
    }

    /// <summary>One field of uname(2); empty when the call fails.</summary>
    public static string Uname(UtsField field)
    {
        const int FieldSize = 65;
        var buffer = stackalloc byte[FieldSize * 6];
        return uname(buffer) == 0 ? Marshal.PtrToStringUTF8((IntPtr)(buffer + FieldSize * (int)field)) ?? "" : "";
    }
}
