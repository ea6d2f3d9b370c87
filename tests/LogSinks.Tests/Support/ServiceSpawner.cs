using System.Runtime.InteropServices;
using Platform.Interop;

namespace Platform.LogSinks.Tests.Support;

/// <summary>
/// Starts a process with given descriptors as its stdout and stderr (posix_spawn file actions), the way the exec
/// engine hands a service its journal streams; .NET's Process cannot pass arbitrary descriptors.
/// </summary>
internal static class ServiceSpawner
{
    public static int Spawn(IReadOnlyList<string> argv, int stdoutFd, int stderrFd)
    {
        using var strings = new NativeStrings();
        var actions = strings.Block(LibC.FileActionsSize);
        _ = LibC.posix_spawn_file_actions_init(actions);
        // Its own process group, so Kill reaches whatever the service started too.
        var attributes = strings.Block(LibC.SpawnAttrSize);
        _ = LibC.posix_spawnattr_init(attributes);
        _ = LibC.posix_spawnattr_setflags(attributes, LibC.POSIX_SPAWN_SETPGROUP);
        _ = LibC.posix_spawnattr_setpgroup(attributes, 0);
        try
        {
            _ = LibC.posix_spawn_file_actions_addopen(actions, 0, strings.String("/dev/null"), LibC.O_RDONLY, 0);
            _ = LibC.posix_spawn_file_actions_adddup2(actions, stdoutFd, 1);
            _ = LibC.posix_spawn_file_actions_adddup2(actions, stderrFd, 2);
            var env = new List<string>();
            foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
                env.Add($"{e.Key}={e.Value}");
            var rc = LibC.posix_spawnp(out var pid, argv[0], actions, attributes, strings.Vector(argv),
                strings.Vector(env));
            if (rc != 0) throw new IOException($"posix_spawnp {argv[0]}: {LibC.StrError(rc)}");
            return pid;
        }
        finally
        {
            _ = LibC.posix_spawn_file_actions_destroy(actions);
            _ = LibC.posix_spawnattr_destroy(attributes);
        }
    }

    /// <summary>Waits for a child started by <see cref="Spawn"/> and reaps it; returns its exit status.</summary>
    public static int Wait(int pid)
    {
        int status;
        while (LibC.waitpid(pid, out status, 0) < 0)
            if (Marshal.GetLastPInvokeError() != LibC.EINTR) return -1;
        return (status >> 8) & 0xff;
    }

    /// <summary>
    /// Whether <paramref name="pid"/> still exists (signal 0), for processes that are not our children.
    /// </summary>
    public static bool Alive(int pid) => LibC.kill(pid, 0) == 0;

    /// <summary>Kills a process from <see cref="Spawn"/> and everything in its process group.</summary>
    public static void Kill(int pid)
    {
        LibC.kill(-pid, LibC.SIGKILL);
        LibC.kill(pid, LibC.SIGKILL);
    }

    public static void Terminate(int pid) => LibC.kill(pid, LibC.SIGTERM);
}
