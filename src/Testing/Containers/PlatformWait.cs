using System.Text.RegularExpressions;

namespace Platform.Testing;

/// <summary>
/// Readiness conditions for <see cref="PlatformContainer.WaitForAsync"/> (any time after the start) and, being
/// Testcontainers <c>IWaitUntil</c>s, for <c>Wait.ForUnixContainer().AddCustomWaitStrategy(...)</c> (at the start).
/// </summary>
public static class PlatformWait
{
    /// <summary><c>systemctl is-system-running</c> answers <c>running</c> or <c>degraded</c>.</summary>
    public static IDescribedWait ForSystemRunning() => new SystemRunningWait();

    /// <summary><c>systemctl is-active UNIT</c> succeeds.</summary>
    public static IDescribedWait ForUnitActive(string unit) => ForExec("systemctl", "is-active", unit);

    /// <summary>A command run in the container exits 0.</summary>
    public static IDescribedWait ForExec(params string[] command) => new ExecWait(command);

    /// <summary>
    /// A command run in the container exits 0 and prints exactly <paramref name="expectedStdout"/> (trailing newline
    /// ignored).
    /// </summary>
    public static IDescribedWait ForExecOutput(string expectedStdout, params string[] command) =>
        new ExecWait(command, expectedStdout);

    /// <summary>A line of the container's stdout or stderr contains <paramref name="text"/>.</summary>
    public static IDescribedWait ForLogLine(string text) => new LogLineWait(text, null);

    /// <summary>A line of the container's stdout or stderr matches <paramref name="pattern"/>.</summary>
    public static IDescribedWait ForLogLine(Regex pattern) => new LogLineWait(null, pattern);
}
