using System.Runtime.InteropServices;

namespace Platform.Interop;

internal static unsafe partial class LibC
{
    public const short POSIX_SPAWN_SETPGROUP = 0x02, POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08;
    public const short POSIX_SPAWN_SETSID = 0x80;

    // Opaque glibc structures, allocated generously (attr 336, file actions 80 bytes on x86_64 and arm64).
    public const int SpawnAttrSize = 512, FileActionsSize = 256;

    [LibraryImport(Name)]
    public static partial int posix_spawn(
        out int pid, IntPtr path, IntPtr fileActions, IntPtr attr, IntPtr argv, IntPtr envp);

    [LibraryImport(Name)]
    public static partial int posix_spawnattr_init(IntPtr attr);

    [LibraryImport(Name)]
    public static partial int posix_spawnattr_destroy(IntPtr attr);

    [LibraryImport(Name)]
    public static partial int posix_spawnattr_setflags(IntPtr attr, short flags);

    [LibraryImport(Name, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int posix_spawnp(
        out int pid, string file, IntPtr fileActions, IntPtr attr, IntPtr argv, IntPtr envp);

    [LibraryImport(Name)]
    public static partial int posix_spawnattr_setpgroup(IntPtr attr, int processGroup);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int waitpid(int pid, out int status, int options);

    [LibraryImport(Name)]
    public static partial int posix_spawnattr_setsigdefault(IntPtr attr, IntPtr sigset);

    [LibraryImport(Name)]
    public static partial int posix_spawnattr_setsigmask(IntPtr attr, IntPtr sigset);

    [LibraryImport(Name)]
    public static partial int posix_spawn_file_actions_init(IntPtr actions);

    [LibraryImport(Name)]
    public static partial int posix_spawn_file_actions_destroy(IntPtr actions);

    [LibraryImport(Name)]
    public static partial int posix_spawn_file_actions_addopen(
        IntPtr actions, int fd, IntPtr path, int flags, uint mode);

    [LibraryImport(Name)]
    public static partial int posix_spawn_file_actions_addclose(IntPtr actions, int fd);

    [LibraryImport(Name)]
    public static partial int posix_spawn_file_actions_adddup2(IntPtr actions, int fd, int newFd);

    [LibraryImport(Name)]
    public static partial int posix_spawn_file_actions_addchdir_np(IntPtr actions, IntPtr path);

    [LibraryImport(Name)]
    public static partial int posix_spawn_file_actions_addclosefrom_np(IntPtr actions, int from);

    [LibraryImport(Name, SetLastError = true)]
    public static partial int execve(IntPtr path, IntPtr argv, IntPtr envp);
}
