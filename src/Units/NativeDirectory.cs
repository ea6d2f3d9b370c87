using System.Runtime.InteropServices;

namespace Platform.Units;

/// <summary>opendir/readdir64 from libc: directory entries with their d_type (struct dirent64 on Linux).</summary>
internal static partial class NativeDirectory
{
    public const byte Unknown = 0, Directory = 4, Regular = 8, Link = 10;
    private const int TypeOffset = 18, NameOffset = 19;

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr opendir(string path);

    [LibraryImport("libc")]
    public static partial IntPtr readdir64(IntPtr dir);

    [LibraryImport("libc")]
    public static partial int closedir(IntPtr dir);

    public static byte Type(IntPtr record) => Marshal.ReadByte(record, TypeOffset);

    public static string Name(IntPtr record) => Marshal.PtrToStringUTF8(record + NameOffset) ?? "";
}
