using System.Diagnostics;

namespace Platform.Host.Journal;

/// <summary>Starts the detached log pump of a root when no pump (init's or a detached one) listens yet.</summary>
public static class JournalPumpLauncher
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

    private static void Start(IReadOnlyList<string> command)
    {
        var psi = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            // Pipes rather than our own stdio, closed at once: the pump must not keep a caller's output open.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        for (var i = 1; i < command.Count; i++) psi.ArgumentList.Add(command[i]);
        using var process = Process.Start(psi) ?? throw new IOException($"cannot start {command[0]}");
        process.StandardInput.Close();
        process.StandardOutput.Close();
        process.StandardError.Close();
    }
}
