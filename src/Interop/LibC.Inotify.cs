using System.Runtime.InteropServices;

namespace Platform.Interop;

/// <summary>
/// inotify(7), for path units: the watches systemd's path.c sets, read from a non-blocking descriptor.
/// </summary>
internal static unsafe partial class LibC
{
    public const int IN_NONBLOCK = 0x800, IN_CLOEXEC = 0x80000;
    public const uint IN_MODIFY = 0x2, IN_ATTRIB = 0x4, IN_CLOSE_WRITE = 0x8, IN_MOVED_FROM = 0x40, IN_MOVED_TO = 0x80,
        IN_CREATE = 0x100, IN_DELETE = 0x200, IN_DELETE_SELF = 0x400, IN_MOVE_SELF = 0x800, IN_IGNORED = 0x8000;

    [LibraryImport(Name, SetLastError = true)]
    public static partial int inotify_init1(int flags);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int inotify_add_watch(int fd, IntPtr path, uint mask);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int inotify_rm_watch(int fd, int wd);
}
