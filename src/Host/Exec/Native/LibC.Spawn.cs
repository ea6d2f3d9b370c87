using System.Runtime.InteropServices;

namespace Platform.Host.Exec.Native;

internal static partial class LibC
{
    public const short POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08, POSIX_SPAWN_SETSID = 0x80;

    // Opaque glibc structures, allocated generously (x86_64: attr 336, file actions 80, sigset 128 bytes).
    public const int SpawnAttrSize = 512, FileActionsSize = 256, SigSetSize = 128;

    [DllImport(Name)]
    public static extern int posix_spawn(out int pid, IntPtr path, IntPtr fileActions, IntPtr attr, IntPtr argv, IntPtr envp);

    [DllImport(Name)]
    public static extern int posix_spawnattr_init(IntPtr attr);

    [DllImport(Name)]
    public static extern int posix_spawnattr_destroy(IntPtr attr);

    [DllImport(Name)]
    public static extern int posix_spawnattr_setflags(IntPtr attr, short flags);

    [DllImport(Name)]
    public static extern int posix_spawnattr_setsigdefault(IntPtr attr, IntPtr sigset);

    [DllImport(Name)]
    public static extern int posix_spawnattr_setsigmask(IntPtr attr, IntPtr sigset);

    [DllImport(Name)]
    public static extern int posix_spawn_file_actions_init(IntPtr actions);

    [DllImport(Name)]
    public static extern int posix_spawn_file_actions_destroy(IntPtr actions);

    [DllImport(Name)]
    public static extern int posix_spawn_file_actions_addopen(IntPtr actions, int fd, IntPtr path, int flags, uint mode);

    [DllImport(Name)]
    public static extern int posix_spawn_file_actions_addclose(IntPtr actions, int fd);

    [DllImport(Name)]
    public static extern int posix_spawn_file_actions_adddup2(IntPtr actions, int fd, int newFd);

    [DllImport(Name)]
    public static extern int posix_spawn_file_actions_addchdir_np(IntPtr actions, IntPtr path);

    [DllImport(Name)]
    public static extern int posix_spawn_file_actions_addclosefrom_np(IntPtr actions, int from);

    [DllImport(Name)]
    public static extern int sigemptyset(IntPtr set);

    [DllImport(Name)]
    public static extern int sigfillset(IntPtr set);

    [DllImport(Name)]
    public static extern int pthread_sigmask(int how, IntPtr set, IntPtr oldSet);

    [DllImport(Name, SetLastError = true)]
    public static extern int sigaction(int signal, IntPtr action, IntPtr oldAction);

    [DllImport(Name, SetLastError = true)]
    public static extern IntPtr signal(int signal, IntPtr handler);
}
