using Platform.Abstractions;
using Platform.Exec;

namespace Platform.Journal;

/// <summary>Starts the detached log pump of a root when no pump (init's or a detached one) listens yet.</summary>
internal static class JournalPumpLauncher
{
    /// <summary>How long <see cref="EnsureRunning"/> waits for a started pump to accept streams.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Returns at once when the pump socket of <paramref name="root"/> accepts connections; otherwise starts
    /// <paramref name="command"/> (default: this executable with <c>__journald --root=ROOT</c>) detached and waits
    /// until the socket accepts. Several callers racing here are fine: the pump lock lets one pump win and the
    /// others exit. Throws TimeoutException when no pump comes up.
    /// </summary>
    public static void EnsureRunning(string root, IReadOnlyList<string>? command = null, TimeSpan? timeout = null)
    {
        var socket = JournalPaths.Socket(root);
        if (JournalStreamClient.IsListening(socket)) return;
        // A pump that could not create its socket would only be waited for in vain (a non-root user and /run).
        try { Directory.CreateDirectory(Path.GetDirectoryName(socket)!); }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"no log pump for {root}: {ErrorText.Describe(e)}", e);
        }
        command ??= [Environment.ProcessPath ?? "systemctl", "__journald", "--root=" + root];
        Start(command);
        var deadline = Environment.TickCount64 + (long)(timeout ?? DefaultTimeout).TotalMilliseconds;
        var pause = 2;
        while (!JournalStreamClient.IsListening(socket))
        {
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException($"the log pump did not start listening on {socket}");
            Thread.Sleep(pause);
            pause = Math.Min(pause * 2, 50);
        }
    }

    /// <summary>
    /// Spawned with posix_spawn in its own session with /dev/null for stdio, never through System.Diagnostics.Process:
    /// using that class makes the runtime reap every child of a PID 1 on SIGCHLD, which would rob the init of the
    /// exit statuses it supervises.
    /// </summary>
    private static void Start(IReadOnlyList<string> command)
    {
        var environment = new List<string>();
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            environment.Add($"{e.Key}={e.Value}");
        new ProcessSpawner().Spawn(new SpawnRequest { Path = command[0], Arguments = [.. command],
            Environment = environment });
    }
}
