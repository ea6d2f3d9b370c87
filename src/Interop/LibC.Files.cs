using System.Runtime.InteropServices;

namespace Platform.Interop;

/// <summary>
/// Paths and descriptors: the parts .NET does not expose (O_NOFOLLOW, owners, FIFOs, sealed memfds, d_type).
/// </summary>
internal static unsafe partial class LibC
{
    public const int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0x40, O_NOCTTY = 0x100, O_TRUNC = 0x200;
    public const int O_APPEND = 0x400, O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;

    /// <summary>O_NOFOLLOW is one of the few flags whose value differs: arm64 uses the generic 0x8000.</summary>
    public static readonly int O_NOFOLLOW =
        RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 0x20000 : 0x8000;

    public const int F_OK = 0, X_OK = 1, W_OK = 2, R_OK = 4;
    public const int LOCK_SH = 1, LOCK_EX = 2, LOCK_NB = 4, LOCK_UN = 8;
    public const int MFD_CLOEXEC = 1, MFD_ALLOW_SEALING = 2;
    public const byte DT_UNKNOWN = 0, DT_DIR = 4, DT_REG = 8, DT_LNK = 10;

    // struct dirent64 is the same on every 64-bit Linux: d_ino, d_off (8 bytes each), d_reclen (2), d_type, d_name.
    private const int DirentTypeOffset = 18, DirentNameOffset = 19;

    [LibraryImport(Name, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags, uint mode);

    [LibraryImport(Name, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int access(string path, int mode);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int chdir(IntPtr path);

    [LibraryImport(Name, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int unlink(string path);

    [LibraryImport(Name, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int chmod(string path, uint mode);

    [LibraryImport(Name, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int chown(string path, uint uid, uint gid);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int fchown(int fd, uint uid, uint gid);

    [LibraryImport(Name, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mkfifo(string path, uint mode);

    [LibraryImport(Name, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int memfd_create(string name, uint flags);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int flock(int fd, int operation);

    [LibraryImport(Name)]
    public static partial uint umask(uint mask);

    [LibraryImport(Name, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr opendir(string path);

    // No SetLastError: a list of a thousand units calls readdir64 once per file; the end of the folder is all we test.
    [LibraryImport(Name)]
    public static partial IntPtr readdir64(IntPtr dir);

    [LibraryImport(Name)]
    public static partial int closedir(IntPtr dir);

    [LibraryImport(Name, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint readlink(string path, byte* buffer, nint size);

    /// <summary>
    /// The target of the symlink at <paramref name="path"/> as written, or null when it is not a readable symlink
    /// (then <see cref="Marshal.GetLastPInvokeError"/> tells why).
    /// </summary>
    /// <remarks>
    /// Unit folders hold hundreds of links: FileInfo.LinkTarget allocated an object and a full-path copy per link, which
    /// showed in every is-enabled and list-unit-files.
    /// </remarks>
    public static string? ReadLink(string path)
    {
        const int PathMax = 4096;
        var buffer = stackalloc byte[PathMax];
        var n = readlink(path, buffer, PathMax);
        // A target of PATH_MAX bytes may have been cut: the kernel refuses longer ones anyway.
        if (n < 0 || n >= PathMax) return null;
        return System.Text.Encoding.UTF8.GetString(buffer, (int)n);
    }

    /// <summary>
    /// The d_type of a record <see cref="readdir64"/> returned (<see cref="DT_UNKNOWN"/> on some filesystems).
    /// </summary>
    public static byte DirentType(IntPtr record) => Marshal.ReadByte(record, DirentTypeOffset);

    /// <summary>The d_name of a record <see cref="readdir64"/> returned.</summary>
    public static string DirentName(IntPtr record) => Marshal.PtrToStringUTF8(record + DirentNameOffset) ?? "";
}
