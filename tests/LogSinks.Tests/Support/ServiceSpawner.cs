using System.Runtime.InteropServices;

namespace Platform.LogSinks.Tests.Support;

/// <summary>
/// Starts a process with given descriptors as its stdout and stderr (posix_spawn file actions), the way the exec
/// engine hands a service its journal streams; .NET's Process cannot pass arbitrary descriptors.
/// </summary>
internal static unsafe partial class ServiceSpawner
{
    private const int FileActionsSize = 80;
    private const int AttributesSize = 336;
    private const short SetProcessGroup = 0x02;

    public static int Spawn(IReadOnlyList<string> argv, int stdoutFd, int stderrFd)
    {
        var actions = stackalloc byte[FileActionsSize];
        posix_spawn_file_actions_init(actions);
        // Its own process group, so Kill reaches whatever the service started too.
        var attributes = stackalloc byte[AttributesSize];
        posix_spawnattr_init(attributes);
        posix_spawnattr_setflags(attributes, SetProcessGroup);
        posix_spawnattr_setpgroup(attributes, 0);
        var args = new nint[argv.Count + 1];
        var env = Environment.GetEnvironmentVariables();
        var envp = new nint[env.Count + 1];
        try
        {
            posix_spawn_file_actions_addopen(actions, 0, "/dev/null", 0, 0);
            posix_spawn_file_actions_adddup2(actions, stdoutFd, 1);
            posix_spawn_file_actions_adddup2(actions, stderrFd, 2);
            for (var i = 0; i < argv.Count; i++) args[i] = Marshal.StringToCoTaskMemUTF8(argv[i]);
            var k = 0;
            foreach (System.Collections.DictionaryEntry e in env) envp[k++] = Marshal.StringToCoTaskMemUTF8($"{e.Key}={e.Value}");
            int pid;
            fixed (nint* a = args)
            fixed (nint* p = envp)
            {
                var rc = posix_spawnp(&pid, argv[0], actions, attributes, a, p);
                if (rc != 0) throw new IOException($"posix_spawnp {argv[0]}: {Marshal.GetPInvokeErrorMessage(rc)}");
            }
            return pid;
        }
        finally
        {
            posix_spawn_file_actions_destroy(actions);
            posix_spawnattr_destroy(attributes);
            foreach (var p in args) if (p != 0) Marshal.FreeCoTaskMem(p);
            foreach (var p in envp) if (p != 0) Marshal.FreeCoTaskMem(p);
        }
    }

    /// <summary>Waits for a child started by <see cref="Spawn"/> and reaps it; returns its exit status.</summary>
    public static int Wait(int pid)
    {
        int status;
        while (waitpid(pid, &status, 0) < 0)
            if (Marshal.GetLastPInvokeError() != 4) return -1;
        return (status >> 8) & 0xff;
    }

    /// <summary>Whether <paramref name="pid"/> still exists (signal 0), for processes that are not our children.</summary>
    public static bool Alive(int pid) => kill(pid, 0) == 0;

    /// <summary>Kills a process from <see cref="Spawn"/> and everything in its process group.</summary>
    public static void Kill(int pid)
    {
        kill(-pid, 9);
        kill(pid, 9);
    }

    public static void Terminate(int pid) => kill(pid, 15);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int posix_spawnp(int* pid, string file, byte* actions, byte* attributes, nint* argv, nint* envp);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_init(byte* actions);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_init(byte* attributes);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_destroy(byte* attributes);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setflags(byte* attributes, short flags);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setpgroup(byte* attributes, int pgroup);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_destroy(byte* actions);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_adddup2(byte* actions, int fd, int newfd);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int posix_spawn_file_actions_addopen(byte* actions, int fd, string path, int flags, int mode);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int waitpid(int pid, int* status, int options);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
