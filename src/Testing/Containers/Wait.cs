using System.Text.RegularExpressions;

namespace Platform.Testing;

/// <summary>Built-in wait strategies for <see cref="TestContainer.WaitForAsync"/>.</summary>
public static class Wait
{
    /// <summary>A line of the container's stdout or stderr contains <paramref name="text"/>.</summary>
    public static IWaitStrategy ForLogLine(string text) => new LogLineWait(text, null);

    /// <summary>A line of the container's stdout or stderr matches <paramref name="pattern"/>.</summary>
    public static IWaitStrategy ForLogLine(Regex pattern) => new LogLineWait(null, pattern);

    /// <summary>A command run in the container exits 0.</summary>
    public static IWaitStrategy ForExec(params string[] command) => new ExecWait(command, null);

    /// <summary>A command run in the container exits 0 and prints exactly <paramref name="expectedStdout"/> (trailing newline ignored).</summary>
    public static IWaitStrategy ForExecOutput(string expectedStdout, params string[] command) => new ExecWait(command, expectedStdout);

    /// <summary><c>systemctl is-active UNIT</c> succeeds.</summary>
    public static IWaitStrategy ForUnitActive(string unit) => ForExec("systemctl", "is-active", unit);

    /// <summary><c>systemctl is-system-running</c> prints <c>running</c>.</summary>
    public static IWaitStrategy ForSystemRunning() => ForExecOutput("running", "systemctl", "is-system-running");
}
