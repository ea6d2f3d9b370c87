using System.Diagnostics;
using Platform.TestSupport;

namespace Platform.Journal.Tests.Support;

/// <summary>
/// A running <c>journalctl -f</c> whose output lines are collected as they come; disposing kills and reaps it.
/// </summary>
internal sealed class Follower : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Thread _reader;

    public Follower(string root, params string[] arguments)
    {
        var start = new ProcessStartInfo(Published.Journalctl) { RedirectStandardOutput = true,
            RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["--root=" + root, "--no-pager", "-f", .. arguments]) start.ArgumentList.Add(a);
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _reader = new Thread(() =>
        {
            while (_process.StandardOutput.ReadLine() is { } line)
                lock (_lines) _lines.Add(line);
        }) { IsBackground = true };
        _reader.Start();
    }

    public int Pid => _process.Id;

    /// <summary>A copy of the lines printed so far.</summary>
    public List<string> Lines { get { lock (_lines) return [.. _lines]; } }

    /// <summary>Waits until the printed lines satisfy <paramref name="done"/>; returns them either way.</summary>
    public List<string> WaitUntil(Func<List<string>, bool> done, double seconds = 20)
    {
        ServiceSandbox.WaitFor(() => done(Lines), TimeSpan.FromSeconds(seconds));
        return Lines;
    }

    /// <summary>Sends SIGTERM and waits; the exit code, or null when it did not end in time.</summary>
    public int? Terminate(double seconds = 5)
    {
        CommandRunner.Run("kill", ["-TERM", _process.Id.ToString()]);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(seconds))) return null;
        _reader.Join(TimeSpan.FromSeconds(5));
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
