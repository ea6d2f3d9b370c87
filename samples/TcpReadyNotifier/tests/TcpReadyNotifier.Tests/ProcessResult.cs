namespace TcpReadyNotifier.Tests;

/// <summary>How a finished command went.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    /// <summary>Everything about the run, for assertion messages.</summary>
    public string Describe() => $"{Command}\nexit {ExitCode} after {Elapsed.TotalMilliseconds:0} ms\nstdout: {Stdout}\nstderr: {Stderr}";
}
