using System.Diagnostics;
using System.Text;

namespace Platform.TestSupport;

/// <summary>
/// The published systemctl as PID 1 of a new PID namespace (<c>unshare --pid --fork --mount-proc</c>, needs root):
/// a real init without Docker. Commands run inside the namespace through nsenter, as a shell in the container
/// would run them. Disposing kills the namespace's PID 1, which takes every process in it along.
/// </summary>
public sealed class InitNamespace : IDisposable
{
    private readonly Process _unshare;
    private readonly StringBuilder _output = new();

    public InitNamespace(ServiceSandbox box, params string[] initArguments)
        : this(box, [Published.Systemctl, "--root=" + box.Path, .. initArguments], 0)
    {
    }

    private InitNamespace(ServiceSandbox box, string[] pid1Command, int _)
    {
        Box = box;
        var start = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false };
        foreach (var a in (string[])["--pid", "--fork", "--mount-proc", .. pid1Command])
            start.ArgumentList.Add(a);
        _unshare = Process.Start(start)!;
        _unshare.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _unshare.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _unshare.BeginOutputReadLine();
        _unshare.BeginErrorReadLine();
        if (!ServiceSandbox.WaitFor(() => (Pid1 = ChildOf(_unshare.Id)) > 0, TimeSpan.FromSeconds(10)))
            throw new InvalidOperationException("the namespace's PID 1 did not appear");
    }

    /// <summary>
    /// A namespace whose PID 1 is <paramref name="pid1Command"/> instead of systemctl (to run systemctl as an ordinary
    /// process in it).
    /// </summary>
    public static InitNamespace WithPid1(ServiceSandbox box, params string[] pid1Command) => new(box, pid1Command, 0);

    public ServiceSandbox Box { get; }

    /// <summary>
    /// Starts <c>systemctl --root=ROOT ARGS</c> inside the namespace without waiting; the caller disposes it.
    /// </summary>
    public Process StartSystemctl(params string[] arguments)
    {
        var start = new ProcessStartInfo("nsenter") { UseShellExecute = false, RedirectStandardOutput = true,
            RedirectStandardError = true };
        foreach (var a in (string[])["-t", Pid1.ToString(), "-p", "-m", Published.Systemctl, "--root=" + Box.Path,
            .. arguments])
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The host pids of the direct children of a host pid (e.g. what nsenter started).</summary>
    public static int[] ChildrenOf(int parent)
    {
        try
        {
            return File.ReadAllText($"/proc/{parent}/task/{parent}/children")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        }
        catch (IOException) { return []; }
    }

    /// <summary>The host pid of the namespace's PID 1.</summary>
    public int Pid1 { get; private set; }

    /// <summary>What init printed so far (stdout and stderr).</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static bool Available =>
        Environment.IsPrivilegedProcess && File.Exists("/usr/bin/unshare") && File.Exists("/usr/bin/nsenter");

    /// <summary>Runs <c>systemctl --root=ROOT ARGS</c> inside the namespace.</summary>
    public CommandResult Systemctl(params string[] arguments)
        => CommandRunner.Run("nsenter", ["-t", Pid1.ToString(), "-p", "-m", Published.Systemctl, "--root=" + Box.Path,
            .. arguments]);

    /// <summary>Runs any program inside the namespace.</summary>
    public CommandResult Exec(params string[] arguments) =>
        CommandRunner.Run("nsenter", ["-t", Pid1.ToString(), "-p", "-m", .. arguments]);

    /// <summary>Waits for <c>is-system-running</c> to say <paramref name="state"/>.</summary>
    public bool WaitForState(string state, TimeSpan timeout) =>
        ServiceSandbox.WaitFor(() => Systemctl("is-system-running").Stdout.Trim() == state, timeout);

    public string Property(string unit, string property) =>
        Systemctl("show", unit, "-p", property, "--value").Stdout.Trim();

    /// <summary>Sends SIGTERM to PID 1 and waits for the namespace to end; returns unshare's exit code.</summary>
    public int Terminate(TimeSpan timeout)
    {
        SendSignal(Pid1, 15);
        if (!_unshare.WaitForExit(timeout)) throw new TimeoutException("init did not exit after SIGTERM\n" + Output);
        _unshare.WaitForExit();
        return _unshare.ExitCode;
    }

    public void Dispose()
    {
        if (!_unshare.HasExited)
        {
            SendSignal(Pid1, 9);
            _unshare.WaitForExit(10_000);
        }
        _unshare.Dispose();
    }

    private static int ChildOf(int parent) => ChildrenOf(parent) is [var first, ..] ? first : 0;

    private static void SendSignal(int pid, int signal) => CommandRunner.Run("kill", ["-" + signal, pid.ToString()]);
}
